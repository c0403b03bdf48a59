package org.parkscope.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A separate JVM for {@link EmbeddedDatabaseIT}: starts the embedded server on a folder, writes a row, says READY and
 * waits until it is killed.
 */
public final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0, false);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists survivor(id int primary key, note text)");
            s.execute("insert into survivor values (" + args[1] + ", 'written before kill -9') on conflict do nothing");
        }
        System.out.println("READY " + db.port());
        System.out.flush();
        System.in.read(); // block until the parent kills this JVM
    }
}
