package io.matchmaking.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.util.Duration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Writes log lines to standard output like logback's {@code ConsoleAppender}, but many lines per
 * write: the server logs one access line per request, and one write system call per line cost
 * about a fifth of the join throughput (the kernel's cost per write, not the bytes).
 *
 * <p>Each caller encodes its own line (in parallel, as {@code ConsoleAppender} does) and adds it to a
 * lock-free queue: with a lock here, 64 request threads of 64 different queues lined up on it. One
 * writer thread waits for the first line of a batch, lets the batch gather for {@link #setLinger
 * linger} (1 ms) unless it is already large, and writes it with one call: a line is never more than
 * about a millisecond late, and under load one write carries dozens of lines. Lines keep the order
 * in which they entered the queue. When output is slower than logging, callers wait once
 * {@link #setMaxPendingBytes maxPendingBytes} are pending, so memory stays bounded and no line is
 * dropped. {@link #stop} writes everything pending before it returns, so stop the
 * logger context before the process exits.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** A batch this large is written at once, without waiting for the linger to pass. */
    private static final int FULL_BATCH_BYTES = 64 * 1024;
    /** How often a caller held back by a full buffer looks again (output slower than logging: rare). */
    private static final long FULL_BUFFER_RECHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final Supplier<OutputStream> target;
    /** Encoded lines not yet taken by the writer: lock-free, so many request threads never queue on a lock. */
    private final ConcurrentLinkedQueue<byte[]> lines = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    /** The writer's buffer, reused for every batch; only the writer touches it. */
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream(FULL_BATCH_BYTES);
    private Encoder<ILoggingEvent> encoder;
    private volatile int maxPendingBytes = 1 << 20;
    private volatile long lingerNanos = TimeUnit.MILLISECONDS.toNanos(1);
    /** Set by the writer just before it parks for want of lines, so a caller knows to wake it. */
    private volatile boolean writerIdle;
    private volatile Thread writer;

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
        super.start(); // before the writer starts: it runs while the appender is started
        Thread thread = new Thread(this::writeBatches, "log-writer-" + name);
        thread.setDaemon(true);
        writer = thread;
        thread.start();
        enqueue(encoder.headerBytes());
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        enqueue(encoder.footerBytes());
        super.stop(); // the writer drains what is queued and ends
        LockSupport.unpark(writer);
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
        long pending;
        while ((pending = pendingBytes.get()) > 0 && pending + line.length > maxPendingBytes && isStarted()) {
            LockSupport.parkNanos(this, FULL_BUFFER_RECHECK_NANOS);
        }
        lines.add(line);
        pendingBytes.addAndGet(line.length);
        if (writerIdle) {
            LockSupport.unpark(writer);
        }
    }

    private void writeBatches() {
        while (awaitLines()) {
            linger();
            byte[] line;
            while ((line = lines.poll()) != null) {
                batch.write(line, 0, line.length);
            }
            pendingBytes.addAndGet(-batch.size()); // once per batch: the callers add to it for every line
            write(batch);
            batch.reset();
        }
    }

    /** Parks until a line is queued; false once stopped with nothing left to write. */
    private boolean awaitLines() {
        while (lines.isEmpty()) {
            if (!isStarted()) {
                return false;
            }
            writerIdle = true;
            // a caller that queued a line before seeing writerIdle is seen here; one after it unparks us
            if (lines.isEmpty() && isStarted()) {
                LockSupport.park(this);
            }
            writerIdle = false;
        }
        return true;
    }

    /** Lets more lines join the batch, unless it is already large or the appender has stopped. */
    private void linger() {
        long deadline = System.nanoTime() + lingerNanos;
        long left;
        while (isStarted() && pendingBytes.get() < FULL_BATCH_BYTES && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
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
