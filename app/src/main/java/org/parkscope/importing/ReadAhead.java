package org.parkscope.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a source on a thread of its own while the caller's thread checks and copies the rows already read: parsing a
 * file and checking its rows take about as long as each other, and two cores do them side by side. Rows arrive in
 * their order; whatever ends the reading (the end of the file, or the exception that stopped it) reaches the caller
 * after the rows read before it, as if read on the caller's thread. If the caller stops early, the reading stops.
 */
final class ReadAhead implements RowSource {

    private static final int BATCH = 512;
    private static final int QUEUED_BATCHES = 64;

    private final RowSource source;

    ReadAhead(RowSource source) {
        this.source = source;
    }

    @Override
    public String sheetName() {
        return source.sheetName();
    }

    /** A batch of rows, or the end: {@code failure} null when the file ended, the exception that stopped it if not. */
    private record Batch(int[] rowNos, List<List<String>> rows, Throwable failure, boolean last) {}

    /** Thrown inside the reading thread when the caller has stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    @Override
    public void read(RowConsumer consumer) throws IOException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = new Thread(() -> produce(queue, stopped), "import-read");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch b = queue.take();
                for (int i = 0; i < b.rows().size(); i++) {
                    consumer.row(b.rowNos()[i], b.rows().get(i));
                }
                if (b.last()) {
                    rethrow(b.failure());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            stopped.set(true);
            queue.clear(); // frees a reader waiting to hand over a batch; it then sees the stop
        }
    }

    private void produce(BlockingQueue<Batch> queue, AtomicBoolean stopped) {
        int[][] nos = {new int[BATCH]};
        List<List<String>>[] rows = newBatch();
        Throwable failure = null;
        try {
            source.read((rowNo, cells) -> {
                nos[0][rows[0].size()] = rowNo;
                rows[0].add(cells);
                if (rows[0].size() == BATCH) {
                    hand(queue, stopped, new Batch(nos[0], rows[0], null, false));
                    nos[0] = new int[BATCH];
                    rows[0] = new ArrayList<>(BATCH);
                }
            });
        } catch (Stopped e) {
            return;
        } catch (Throwable e) {
            failure = e;
        }
        try {
            hand(queue, stopped, new Batch(nos[0], rows[0], failure, true));
        } catch (Stopped e) {
            // the caller has gone
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>>[] newBatch() {
        return new List[] {new ArrayList<>(BATCH)};
    }

    private static void hand(BlockingQueue<Batch> queue, AtomicBoolean stopped, Batch batch) {
        try {
            do {
                if (stopped.get()) {
                    throw new Stopped();
                }
            } while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException(failure));
    }
}
