package org.parkscope.importing;

import java.nio.file.Path;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A separate JVM for {@link ImportKillIT}: imports a large file and reports its progress until it is killed. */
public final class ImportKillChild {

    private ImportKillChild() {}

    public static void main(String[] args) {
        DriverManagerDataSource ds = new DriverManagerDataSource(args[0], args[1], args[2]);
        ImportEngine engine = new ImportEngine(ds);
        ImportReport r = engine.run(new ImportRequest(ImportKind.INDICATORS, Path.of(args[3]), "big.csv", "kill-test",
                ImportRequest.Options.defaults()), n -> {
                    System.out.println("ROWS " + n);
                    System.out.flush();
                });
        System.out.println("DONE " + r.status());
    }
}
