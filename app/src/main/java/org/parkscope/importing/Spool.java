package org.parkscope.importing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The scratch file a batch's new rows pass through between the COPY out of the staging tables and the COPY into the
 * registry. It leaves nothing behind, even when the process is killed: the file is unlinked as soon as it is open (the
 * open channel keeps its data until closed), and where a system cannot unlink an open file it is deleted on close and,
 * if the process dies first, swept later. The sweep rule: when an import engine starts, files named
 * {@code parkscope-import-*.copy} in the spool directory (the JVM's temp directory) not modified for an hour are deleted
 * — a batch writes its spool and reads it back within one merge.
 */
final class Spool implements Closeable {

    static final String PREFIX = "parkscope-import-";
    static final String SUFFIX = ".copy";
    /** How long a spool file may go unmodified before the sweep takes it for one a dead process left. */
    static final Duration ABANDONED = Duration.ofHours(1);
    private static final int BUFFER = 1 << 16;

    private final FileChannel channel;
    private final Path linked;

    private Spool(FileChannel channel, Path linked) {
        this.channel = channel;
        this.linked = linked;
    }

    static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A new, empty spool in {@code dir}, with no name left in the directory where the system allows. */
    static Spool create(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, PREFIX, SUFFIX);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            Files.delete(file);
            return new Spool(channel, null);
        } catch (IOException e) { // this system keeps open files: delete it on close; the sweep covers a crash
            return new Spool(channel, file);
        }
    }

    /** Where to write the spool from its start; flush it, and leave closing to {@link #close()}. */
    OutputStream output() throws IOException {
        channel.position(0);
        return new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** What was written, from its start. */
    InputStream input() throws IOException {
        channel.position(0);
        return new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (linked != null) {
                Files.deleteIfExists(linked);
            }
        }
    }

    /** Deletes the spool files in {@code dir} not modified since {@code now} minus {@link #ABANDONED}; returns how many. */
    static int sweep(Path dir, Instant now) {
        Instant before = now.minus(ABANDONED);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(before)
                            && Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    // taken by someone else meanwhile, or not ours to delete: leave it
                }
            }
        } catch (IOException e) {
            // no spool directory to sweep
        }
        return deleted;
    }
}
