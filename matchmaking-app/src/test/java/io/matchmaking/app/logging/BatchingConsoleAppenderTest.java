package io.matchmaking.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.Duration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingConsoleAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final RecordingOutput output = new RecordingOutput();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<BatchingConsoleAppender> appenders = new ArrayList<>();

    @AfterEach
    void stop() {
        output.release();
        appenders.forEach(BatchingConsoleAppender::stop);
        threads.shutdownNow();
    }

    @Test
    void aLoneLineIsWrittenAfterTheLinger() throws Exception {
        BatchingConsoleAppender appender = started(1 << 20);

        appender.doAppend(event("one"));

        assertThat(output.awaitWrites(1)).containsExactly("one\n");
    }

    @Test
    void linesLoggedWithinTheLingerShareOneWriteAndStopWritesThem() {
        BatchingConsoleAppender appender = started(1 << 20);
        appender.setLinger(Duration.buildBySeconds(60));

        appender.doAppend(event("one"));
        appender.doAppend(event("two"));
        appender.doAppend(event("three"));
        appender.stop();

        assertThat(output.writes()).containsExactly("one\ntwo\nthree\n");
    }

    @Test
    void linesLoggedWhileAWriteIsUnderWayGoOutTogetherInTheNextWrite() throws Exception {
        BatchingConsoleAppender appender = started(1 << 20);
        output.blockNextWrite();
        appender.doAppend(event("first"));
        output.awaitBlockedWrite();

        // the writer is stuck in its write: these return at once, their lines wait in the buffer
        appender.doAppend(event("second"));
        appender.doAppend(event("third"));
        output.release();

        assertThat(output.awaitWrites(2)).containsExactly("first\n", "second\nthird\n");
    }

    @Test
    void callersWaitWhenTheBufferIsFullAndNothingIsDropped() throws Exception {
        BatchingConsoleAppender appender = started(16);
        output.blockNextWrite();
        appender.doAppend(event("first"));
        output.awaitBlockedWrite();
        appender.doAppend(event("0123456789")); // 11 bytes: fits
        Thread caller = new Thread(() -> appender.doAppend(event("abcdefghij")));
        caller.start();

        awaitState(caller, Thread.State.TIMED_WAITING); // 22 bytes would not fit: it waits for the writer
        output.release();
        caller.join(10_000);
        appender.stop();

        assertThat(caller.isAlive()).isFalse();
        assertThat(String.join("", output.writes())).isEqualTo("first\n0123456789\nabcdefghij\n");
    }

    @Test
    void everyLineFromManyThreadsIsWrittenOnceAndWhole() throws Exception {
        BatchingConsoleAppender appender = started(4096);
        int perThread = 2_000;
        List<Runnable> loggers = IntStream.range(0, 8).<Runnable>mapToObj(t -> () -> {
            for (int i = 0; i < perThread; i++) {
                appender.doAppend(event("thread-" + t + " line-" + i));
            }
        }).toList();
        for (var done : threads.invokeAll(loggers.stream().map(Executors::callable).toList())) {
            done.get();
        }
        appender.stop();

        List<String> lines = String.join("", output.writes()).lines().toList();
        assertThat(lines).hasSize(8 * perThread);
        assertThat(Set.copyOf(lines)).hasSize(8 * perThread);
        for (int t = 0; t < 8; t++) {
            String prefix = "thread-" + t + " ";
            List<String> own = lines.stream().filter(line -> line.startsWith(prefix)).collect(Collectors.toList());
            assertThat(own).as("one thread's lines keep their order")
                    .containsExactlyElementsOf(IntStream.range(0, perThread).mapToObj(i -> prefix + "line-" + i).toList());
        }
    }

    @Test
    void aFailedWriteIsReportedAndLaterLinesStillGoOut() throws Exception {
        BatchingConsoleAppender appender = started(1 << 20);
        output.failNextWrite();

        appender.doAppend(event("lost"));
        awaitStatusError();
        appender.doAppend(event("after"));

        assertThat(output.awaitWrites(1)).containsExactly("after\n");
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .anySatisfy(status -> assertThat(status.getMessage()).startsWith("cannot write 5 bytes of log lines"));
    }

    @Test
    void withoutAnEncoderItDoesNotStart() {
        BatchingConsoleAppender appender = new BatchingConsoleAppender(() -> output);
        appender.setContext(context);

        appender.start();

        assertThat(appender.isStarted()).isFalse();
    }

    private BatchingConsoleAppender started(int maxPendingBytes) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        BatchingConsoleAppender appender = new BatchingConsoleAppender(() -> output);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setMaxPendingBytes(maxPendingBytes);
        appender.start();
        appenders.add(appender);
        return appender;
    }

    private ILoggingEvent event(String message) {
        return new LoggingEvent("test", context.getLogger("test"), Level.INFO, message, null, null);
    }

    private void awaitStatusError() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (new StatusUtil(context).getHighestLevel(0) < Status.ERROR) {
            assertThat(System.nanoTime()).as("the failed write is reported").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state) {
            assertThat(System.nanoTime()).as("%s reaches %s", thread.getName(), state).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }

    /** Records each write as one string; can hold the next write until released. */
    private static final class RecordingOutput extends OutputStream {
        private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean blockNext;
        private volatile boolean failNext;

        void failNextWrite() {
            failNext = true;
        }

        void blockNextWrite() {
            blockNext = true;
        }

        void awaitBlockedWrite() throws InterruptedException {
            assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            released.countDown();
        }

        List<String> writes() {
            return List.copyOf(writes);
        }

        List<String> awaitWrites(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (writes.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return writes();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (failNext) {
                failNext = false;
                throw new IOException("disk full");
            }
            if (blockNext) {
                blockNext = false;
                blocked.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }
}
