package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every answer carries X-Request-Id: the caller's if sane, else a generated one. */
class RequestIdTest extends RunningServerTest {

    @Test
    void aSaneRequestIdIsEchoed() {
        TestResponse response = client.post("/join", "{\"id\":\"p1\"}", "X-Request-Id", "req-42:abc/DEF=");
        assertThat(response.header("X-Request-Id")).isEqualTo("req-42:abc/DEF=");
    }

    @Test
    void aMissingOrInsaneRequestIdIsReplacedByAGeneratedOne() {
        String generated = client.get("/queues").header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f]{32}");

        for (String insane : new String[] {"x".repeat(65), "a b", "<script>", "id\"quote", "ünïcode"}) {
            String echoed = client.get("/queues", "X-Request-Id", insane).header("X-Request-Id");
            assertThat(echoed).as(insane).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void errorsCarryARequestIdToo() {
        TestResponse response = client.post("/join", "nope", "X-Request-Id", "bad-1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("X-Request-Id")).isEqualTo("bad-1");
        assertThat(client.get("/nope", "X-Request-Id", "lost-1").header("X-Request-Id")).isEqualTo("lost-1");
    }
}
