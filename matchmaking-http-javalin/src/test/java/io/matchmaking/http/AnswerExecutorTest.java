package io.matchmaking.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/** Group-committed answers go to the request pool, and are still written when the pool refuses them. */
class AnswerExecutorTest {

    @Test
    void aRunningPoolRunsTheAnswer() throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(8, 8);
        pool.setName("answers");
        pool.start();
        try {
            CompletableFuture<String> ranOn = new CompletableFuture<>();
            MatchmakingHttpServer.orInline(pool).execute(() -> ranOn.complete(Thread.currentThread().getName()));

            assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("answers");
        } finally {
            pool.stop();
        }
    }

    @Test
    void aPoolThatRefusesLeavesTheAnswerToTheCaller() {
        QueuedThreadPool stopped = new QueuedThreadPool(8, 8);
        Executor answers = MatchmakingHttpServer.orInline(stopped);
        Thread[] ranOn = new Thread[1];

        answers.execute(() -> ranOn[0] = Thread.currentThread());

        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
    }
}
