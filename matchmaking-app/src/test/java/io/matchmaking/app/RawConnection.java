package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;

/**
 * One TCP connection to a test server, spoken to byte by byte: for what an HTTP client library
 * would not send or would hide (a malformed request, pipelining, what follows a HEAD answer).
 */
final class RawConnection implements AutoCloseable {

    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    static RawConnection to(int port) {
        try {
            Socket opened = new Socket("127.0.0.1", port);
            opened.setSoTimeout(10_000);
            return new RawConnection(opened);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawConnection send(String request) {
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One response read off the connection: its head up to the blank line, then its body (by length, or chunked). */
    String response() {
        String head = head();
        try {
            if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked\r\n")) {
                return head + chunkedBody();
            }
            return head + new String(socket.getInputStream().readNBytes(contentLength(head)), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chunks' bytes, joined: each chunk is a hex size line, the bytes and CRLF; size 0 and CRLF end it. */
    private String chunkedBody() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder body = new StringBuilder();
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            body.append(new String(in.readNBytes(size), StandardCharsets.ISO_8859_1));
            line(in);
        }
        line(in);
        return body.toString();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            assertThat(b).as("the connection dropped inside a chunked body").isNotEqualTo(-1);
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends {@code request} and reads its answer as a {@link TestResponse}. */
    TestResponse exchange(String request) {
        return parse(send(request).response());
    }

    /** A response as read off the wire, as a {@link TestResponse}. */
    static TestResponse parse(String response) {
        int headEnd = response.indexOf("\r\n\r\n");
        String[] lines = response.substring(0, headEnd).split("\r\n");
        HttpFields.Mutable headers = HttpFields.build();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        return new TestResponse(Integer.parseInt(lines[0].split(" ")[1]), headers.asImmutable(),
                response.substring(headEnd + 4));
    }

    /** The answer to a HEAD request: a head only, whatever its Content-Length says. */
    String headOnly() {
        return head();
    }

    /** Whether the server closed the connection (after what has been read). */
    boolean isClosedByServer() {
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String head() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).as("the connection dropped before an answer; so far: %s", head).isNotEqualTo(-1);
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
