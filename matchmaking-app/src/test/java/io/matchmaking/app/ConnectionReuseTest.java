package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive client may send its next request on the connection as soon as it has an answer.
 * After an error answer the connection either serves that request or says {@code Connection:
 * close}: it never drops unannounced, even when the refused request's body is still on its way.
 */
class ConnectionReuseTest extends RunningServerTest {

    private static final String NEXT = "GET /queues HTTP/1.1\r\nHost: x\r\n\r\n";

    private final RawConnection connection = RawConnection.to(server.port());

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void aRefusedRequestWhoseBodyHasArrivedLeavesTheConnectionServing() {
        connection.send(post("PUT", "/join", "{\"id\":\"p1\"}"));
        assertThat(connection.response()).startsWith("HTTP/1.1 405").doesNotContainIgnoringCase("connection: close");

        connection.send(post("POST", "/join/extra", "{\"id\":\"p1\"}"));
        assertThat(connection.response()).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("connection: close");

        connection.send(post("POST", "/join", "{\"id\":5}"));
        assertThat(connection.response()).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("connection: close");

        connection.send(NEXT);
        assertThat(connection.response()).startsWith("HTTP/1.1 200");
    }

    @Test
    void aRefusedRequestIsAnsweredOnceItsBodyIsHereAndTheConnectionStaysUsable() {
        connection.send("POST /nope HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n");
        connection.send("{\"id\":\"p1\"}");

        assertThat(connection.response()).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("connection: close");
        assertThat(connection.exchange(post("POST", "/join", "{\"id\":\"p1\"}")).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnreadWithTheConnectionClosed() {
        connection.send("POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n");

        assertThat(connection.response()).startsWith("HTTP/1.1 413").containsIgnoringCase("\r\nconnection: close\r\n")
                .endsWith("{\"error\":\"request body must be at most 4096 bytes\"}");
        assertThat(connection.isClosedByServer()).as("closed after the answer").isTrue();
    }

    @Test
    void aRefusedChunkedBodyIsReadWholeAndTheConnectionStaysUsable() {
        connection.send("PUT /join HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        assertThat(connection.response()).startsWith("HTTP/1.1 405").doesNotContainIgnoringCase("connection: close");
        connection.send(NEXT);
        assertThat(connection.response()).startsWith("HTTP/1.1 200");
    }

    private static String post(String method, String path, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }
}
