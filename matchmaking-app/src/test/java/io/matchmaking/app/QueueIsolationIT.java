package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.store.mysql.TcpProxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One queue's trouble stays in that queue, on the real jar and MariaDB: a queue whose lock another
 * session holds does not slow the instance's other queues, and an instance that froze holding a
 * queue's lock blocks that queue on the other instance for at most 10 s.
 */
class QueueIsolationIT extends MySqlProcessTest {

    @Test
    void aQueueLockedByAnotherSessionDelaysNoOtherQueue() throws Exception {
        try (ServerProcess server = ServerProcess.start(mysqlEnv(database.url()))) {
            TestClient client = server.client();
            assertThat(client.post("/join", "{\"id\":\"a1\",\"queue\":\"a\"}").status()).isEqualTo(200);
            try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
                holder.setAutoCommit(false);
                statement.executeQuery("SELECT * FROM mm_queue WHERE queue = 'a' FOR UPDATE").close();
                CompletableFuture<TestResponse> blocked = CompletableFuture.supplyAsync(() ->
                        client.post("/join", "{\"id\":\"a2\",\"queue\":\"a\"}"));

                long slowest = 0;
                for (int i = 0; i < 20; i++) {
                    long started = System.nanoTime();
                    assertThat(client.post("/join", "{\"id\":\"b" + i + "\",\"queue\":\"b\"}").status()).isEqualTo(200);
                    slowest = Math.max(slowest, System.nanoTime() - started);
                }

                assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).as("slowest join of queue b, ms").isLessThan(1_000);
                assertThat(blocked).as("queue a's join waits for the lock").isNotDone();
                holder.rollback();
                assertThat(blocked.get(20, TimeUnit.SECONDS).status()).isIn(200, 503);
            }
        }
    }

    @Test
    void anInstanceFrozenHoldingAQueueBlocksItOnTheOtherForAtMostTenSeconds() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(database.serverAddress());
                ServerProcess frozen = ServerProcess.start(mysqlEnv(database.urlThrough(proxy.address())));
                ServerProcess live = ServerProcess.start(mysqlEnv(database.url()))) {
            assertThat(frozen.client().join("p1").status()).isEqualTo(200);
            proxy.freezeAfter("SELECT q.queue AS locked_queue");
            CompletableFuture.runAsync(() -> {
                try {
                    frozen.client().join("stuck");
                } catch (RuntimeException timedOut) {
                    // the frozen instance never answers; only its lock matters here
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (proxy.faultsFired() == 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
            assertThat(proxy.faultsFired()).as("the frozen instance locked the queue").isEqualTo(1);
            // a join waiting for the lock past its deadline is a truthful 503; the client tries again
            long started = System.nanoTime();
            TestResponse join = live.client().join("p2");
            while (join.status() == 503 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(15)) {
                join = live.client().join("p2");
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(join.status()).isEqualTo(200);
            assertThat(join.json().get("players").toString()).isEqualTo("[\"p1\",\"p2\"]");
            assertThat(tookMillis).as("the queue served again after, ms").isLessThan(10_000);
        }
    }
}
