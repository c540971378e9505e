package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.matchmaking.store.mysql.TcpProxy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A proxy between the server and its database is cut and restored: 503 with Retry-After within
 * 3 s, not ready while cut, working again within 5 s of the restore without a restart, nothing lost.
 */
class DatabaseOutageIT extends MySqlProcessTest {

    @Test
    void unavailableWhileCutAndRecoversWithoutARestart() throws Exception {
        try (TcpProxy proxy = TcpProxy.to(database.serverAddress());
                ServerProcess server = ServerProcess.start(mysqlEnv(database.urlThrough(proxy.address()), ONE_ADDRESS_LOAD))) {
            TestClient client = server.client();
            JoinLoad before = JoinLoad.start("before", 4, 50, client).finish();
            assertThat(before.acknowledged()).hasSize(200);

            proxy.cut();
            long cutAt = System.nanoTime();
            TestResponse refused = client.join("during-outage");
            long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(answeredMillis).as("503 within 3 s").isLessThan(3_000);
            assertThat(client.get("/health/ready").status()).isEqualTo(503);

            proxy.restore();
            long restoredAt = System.nanoTime();
            TestResponse after = client.join("after-outage");
            while (after.status() != 200 && System.nanoTime() - restoredAt < TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(100);
                after = client.join("after-outage");
            }
            assertThat(after.status()).as("recovered within 5 s of the restore").isEqualTo(200);
            assertThat(client.get("/health/ready").status()).isEqualTo(200);
            before.assertAllKept(client, 3);
            assertThat(client.get("/players/during-outage").status()).as("the refused join took no effect").isEqualTo(404);
        }
    }
}
