package org.parkscope.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Who owns the embedded server of a data folder: the JVM that holds an OS lock on {@code <folder>.owner} (beside the
 * folder, since initdb wants the folder itself empty) for as long as it runs the server. The OS drops the lock when that
 * JVM ends, however it ends, so a free lock means a postmaster still running on the folder is stale. The file also says
 * the owner's pid and port, for processes that attach to the running server instead of starting one.
 */
final class OwnerLock implements AutoCloseable {

    /** What an owner wrote into the file: its pid and the server's port. */
    record Owner(long pid, int port) {}

    private final FileChannel channel;
    private final FileLock lock;

    private OwnerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path file(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".owner");
    }

    /** The lock, if no live process (this JVM included) holds it. */
    static Optional<OwnerLock> tryAcquire(Path dataDir) {
        Path file = file(dataDir);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0); // forget a dead owner's port before anyone reads it
            return Optional.of(new OwnerLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            close(channel);
            return Optional.empty(); // this JVM owns the folder already
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot lock " + file + System.lineSeparator() + "无法锁定数据目录", e);
        }
    }

    /** Records the running server for attaching processes. */
    void publish(int port) {
        try {
            byte[] text = ("pid=" + ProcessHandle.current().pid() + "\nport=" + port + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The owner the file names, once it has published its server. */
    static Optional<Owner> read(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(file(dataDir), StandardCharsets.UTF_8);
            Long pid = null;
            Integer port = null;
            for (String line : lines) {
                if (line.startsWith("pid=")) {
                    pid = Long.parseLong(line.substring(4).trim());
                } else if (line.startsWith("port=")) {
                    port = Integer.parseInt(line.substring(5).trim());
                }
            }
            return pid != null && port != null ? Optional.of(new Owner(pid, port)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
