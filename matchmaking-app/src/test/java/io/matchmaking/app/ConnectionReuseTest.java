package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive client may send its next request on the connection as soon as it has an answer.
 * After an error answer the connection either serves that request or says {@code Connection:
 * close}: it never drops unannounced, even when the refused request's body is still on its way.
 */
class ConnectionReuseTest extends RunningServerTest {

    private static final String NEXT = "GET /queues HTTP/1.1\r\nHost: x\r\n\r\n";

    private final Socket socket = connect();

    private Socket connect() {
        try {
            Socket opened = new Socket("127.0.0.1", server.port());
            opened.setSoTimeout(10_000);
            return opened;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
    }

    @Test
    void aRefusedRequestWhoseBodyHasArrivedLeavesTheConnectionServing() throws IOException {
        send(post("PUT", "/join", "{\"id\":\"p1\"}"));
        assertThat(response()).startsWith("HTTP/1.1 405").doesNotContainIgnoringCase("connection: close");

        send(post("POST", "/join/extra", "{\"id\":\"p1\"}"));
        assertThat(response()).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("connection: close");

        send(post("POST", "/join", "{\"id\":5}"));
        assertThat(response()).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("connection: close");

        send(NEXT);
        assertThat(response()).startsWith("HTTP/1.1 200");
    }

    @Test
    void aRefusedRequestWhoseBodyIsStillOnItsWaySaysTheConnectionCloses() throws IOException {
        send("POST /nope HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n");

        assertThat(response()).startsWith("HTTP/1.1 404").containsIgnoringCase("\r\nconnection: close\r\n");
        assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnreadWithTheConnectionClosed() throws IOException {
        send("POST /join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n");

        assertThat(response()).startsWith("HTTP/1.1 413").containsIgnoringCase("\r\nconnection: close\r\n")
                .endsWith("{\"error\":\"request body must be at most 4096 bytes\"}");
        assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }

    @Test
    void aRefusedChunkedBodyClosesTheConnection() throws IOException {
        send("PUT /join HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        assertThat(response()).startsWith("HTTP/1.1 405").containsIgnoringCase("\r\nconnection: close\r\n");
    }

    private static String post(String method, String path, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    private void send(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One response read off the connection: its head up to the blank line, then Content-Length bytes. */
    private String response() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the connection dropped before an answer; so far: %s", head).isNotEqualTo(-1);
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
