package org.parkscope.importing;

import java.io.OutputStream;
import java.nio.file.Path;

/** A separate JVM for {@link SpoolTest}: opens a spool, writes to it, says so, and waits to be killed. */
public final class SpoolKillChild {

    private SpoolKillChild() {}

    public static void main(String[] args) throws Exception {
        Spool spool = Spool.create(Path.of(args[0]));
        OutputStream out = spool.output();
        out.write(SpoolTest.data());
        out.flush();
        System.out.println("SPOOLED");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
