package org.parkscope.importing;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A separate JVM for {@link SpoolTest}: opens a spool, writes to it, says so, and waits to be killed — blocked on its
 * standard input, which the test keeps open (and which ends with the test, should it die first).
 */
public final class SpoolKillChild {

    private SpoolKillChild() {}

    public static void main(String[] args) throws Exception {
        Spool spool = Spool.create(Path.of(args[0]));
        OutputStream out = spool.output();
        out.write(SpoolTest.data());
        out.flush();
        System.out.println("SPOOLED");
        System.out.flush();
        System.in.read();
    }
}
