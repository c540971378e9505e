package io.matchmaking.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.util.Duration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Writes log lines to standard output like logback's {@code ConsoleAppender}, but many lines per
 * write: the server logs one access line per request, and one write system call per line cost
 * about a fifth of the join throughput (the kernel's cost per write, not the bytes).
 *
 * <p>Each caller encodes its own line (in parallel, as {@code ConsoleAppender} does) and appends it
 * to a buffer. One writer thread waits for the first line of a batch, lets the batch gather for
 * {@link #setLinger linger} (1 ms) unless it is already large, and writes it with one call: a line
 * is never more than about a millisecond late, and under load one write carries dozens of lines.
 * Lines keep the order in which they entered the buffer. When output is slower than logging,
 * callers wait once {@link #setMaxPendingBytes maxPendingBytes} are pending, so memory stays bounded
 * and no line is dropped. {@link #stop} writes everything pending before it returns, so stop the
 * logger context before the process exits.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** A batch this large is written at once, without waiting for the linger to pass. */
    private static final int FULL_BATCH_BYTES = 64 * 1024;

    private final Supplier<OutputStream> target;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition linesPending = lock.newCondition();
    private final Condition spaceFreed = lock.newCondition();
    private Encoder<ILoggingEvent> encoder;
    private volatile int maxPendingBytes = 1 << 20;
    private volatile long lingerNanos = TimeUnit.MILLISECONDS.toNanos(1);
    /** Lines not yet handed to a write; guarded by {@link #lock}. */
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(FULL_BATCH_BYTES);
    /** The buffer swapped in for the next batch, reused so a busy log allocates nothing; the writer's own. */
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(FULL_BATCH_BYTES);
    /** Guarded by {@link #lock}. */
    private boolean stopping;
    private Thread writer;

    /** Writes to {@code System.out} as it is at each write, like {@code ConsoleAppender}. */
    public BatchingConsoleAppender() {
        this(() -> System.out);
    }

    BatchingConsoleAppender(Supplier<OutputStream> target) {
        this.target = target;
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** How many bytes may wait for the writer before callers wait too (default 1 MiB). */
    public void setMaxPendingBytes(int maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    /** How long a batch may gather after its first line (default 1 ms; logback reads "5 milliseconds"). */
    public void setLinger(Duration linger) {
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(linger.getMilliseconds());
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder set for the appender named [" + name + "]");
            return;
        }
        stopping = false;
        writer = new Thread(this::writeBatches, "log-writer-" + name);
        writer.setDaemon(true);
        writer.start();
        super.start();
        enqueue(encoder.headerBytes());
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        enqueue(encoder.footerBytes());
        super.stop();
        lock.lock();
        try {
            stopping = true;
            linesPending.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        enqueue(encoder.encode(event));
    }

    private void enqueue(byte[] line) {
        if (line == null || line.length == 0) {
            return;
        }
        lock.lock();
        try {
            while (pending.size() > 0 && pending.size() + line.length > maxPendingBytes && !stopping) {
                spaceFreed.awaitUninterruptibly();
            }
            boolean first = pending.size() == 0;
            pending.write(line, 0, line.length);
            if (first) {
                linesPending.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void writeBatches() {
        ByteArrayOutputStream batch;
        while ((batch = nextBatch()) != null) {
            write(batch);
            batch.reset();
            spare = batch;
        }
    }

    /** Waits for a line, lets the batch gather, and takes it; null once stopped and empty. */
    private ByteArrayOutputStream nextBatch() {
        lock.lock();
        try {
            while (pending.size() == 0) {
                if (stopping) {
                    return null;
                }
                linesPending.awaitUninterruptibly();
            }
            linger();
            ByteArrayOutputStream batch = pending;
            pending = spare;
            spaceFreed.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Lets more lines join the batch; the caller holds the lock, which the wait releases. */
    private void linger() {
        long deadline = System.nanoTime() + lingerNanos;
        long left;
        while (!stopping && pending.size() < FULL_BATCH_BYTES && (left = deadline - System.nanoTime()) > 0) {
            try {
                linesPending.awaitNanos(left); // only stop() signals a non-empty buffer
            } catch (InterruptedException e) {
                return; // nothing interrupts this thread; if something does, write now
            }
        }
    }

    private void write(ByteArrayOutputStream batch) {
        try {
            OutputStream out = target.get();
            batch.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException failed) {
            // logback's own status list reports it; the lines are lost, as with ConsoleAppender
            addError("cannot write " + batch.size() + " bytes of log lines", failed);
        }
    }
}
