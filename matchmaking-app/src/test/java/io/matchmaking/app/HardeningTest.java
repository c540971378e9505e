package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What an untrusted client can send never leaks internals, breaks the JSON contract, or forges a log line. */
class HardeningTest extends RunningServerTest {

    /** Sends raw bytes, answers the raw response: for requests a well-behaved client cannot make. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void oversizedHeadersAreAJsonError() throws IOException {
        String response = raw("GET /queues HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 431");
        assertThat(response).contains("application/json").contains("{\"error\":\"request header fields too large\"}");
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndRefusedBeyondIt() throws IOException {
        String small = "{\"id\":\"chunked-small\"}";
        String large = "{\"id\":\"chunked-large\",\"pad\":\"" + "x".repeat(4100) + "\"}";

        assertThat(raw(chunkedJoin(small))).startsWith("HTTP/1.1 200").contains("chunked-small");
        assertThat(raw(chunkedJoin(large))).startsWith("HTTP/1.1 413")
                .contains("{\"error\":\"request body must be at most 4096 bytes\"}");
        assertThat(client.get("/players/chunked-large").status()).isEqualTo(404);
    }

    @Test
    void aBodyCutShortOfItsContentLengthChangesNothing() throws IOException {
        String body = "{\"id\":\"cut-short\"}";
        String response = raw("POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 200\r\nConnection: close\r\n\r\n" + body);

        assertThat(response).satisfiesAnyOf(
                r -> assertThat(r).isEmpty(),
                r -> assertThat(r).startsWith("HTTP/1.1 400").contains("{\"error\":"));
        assertThat(client.get("/players/cut-short").status()).isEqualTo(404);
    }

    private static String chunkedJoin(String body) {
        StringBuilder request = new StringBuilder("POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int from = 0; from < body.length(); from += 1000) {
            String chunk = body.substring(from, Math.min(body.length(), from + 1000));
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }

    @Test
    void aMalformedRequestLineIsAJsonErrorOrRefused() throws IOException {
        String response = raw("GARBAGE\r\n\r\n");
        assertThat(response).satisfiesAnyOf(
                r -> assertThat(r).isEmpty(),
                r -> assertThat(r).startsWith("HTTP/1.1 400").contains("{\"error\":"));
        assertThat(response).doesNotContain("<html", "Exception", "org.eclipse");
    }

    @Test
    void noErrorAnswerNamesAnInternalClassOrEchoesTheInput() {
        String payload = "{\"id\":\"<script>alert(1)</script>\",\"queue\":\"' OR 1=1 --\"}";
        for (TestResponse response : new TestResponse[] {
                client.post("/join", payload),
                client.post("/join", "{\"id\":"),
                client.post("/join", "{\"id\":\"p1\",\"queue\":{\"$gt\":\"\"}}"),
                client.get("/status/%3Cscript%3E"),
                client.get("/players/..%2F..%2Fetc%2Fpasswd"),
                client.method("PATCH", "/join", payload)}) {
            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.body()).startsWith("{\"error\":\"")
                    .doesNotContain("script", "OR 1=1", "passwd", "Exception", "io.matchmaking", "com.fasterxml",
                            "jackson", "at ", "SQL");
        }
    }

    @Test
    void aClientCannotForgeAnAccessLogLine() throws IOException {
        Logger access = (Logger) LoggerFactory.getLogger("io.matchmaking.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            raw("GET /status/x%0d%0aFORGED HTTP/1.1\r\nHost: x\r\nX-Request-Id: id\rINFO forged\r\nConnection: close\r\n\r\n");
            client.get("/players/evil%0aINFO%20forged", "X-Request-Id", "a b");
        } finally {
            access.detachAppender(lines);
        }
        synchronized (lines) {
            assertThat(lines.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContain("\n", "\r", "FORGED", "forged", "evil"));
        }
    }
}
