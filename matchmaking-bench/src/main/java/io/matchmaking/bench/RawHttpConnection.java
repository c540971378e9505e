package io.matchmaking.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection on a plain socket: a few microseconds per request, so the
 * load generator costs the shared CPU as little as possible. Understands just what the server
 * sends: a status line, headers, a Content-Length body.
 */
final class RawHttpConnection implements Closeable {

    private final String host;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection(URI base) throws IOException {
        this.host = base.getHost() + ":" + base.getPort();
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(90_000);
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
    }

    Response post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    Response get(String path, String ifNoneMatch) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host
                + (ifNoneMatch == null ? "" : "\r\nIf-None-Match: " + ifNoneMatch) + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        String etag = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = header.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("ETag")) {
                etag = header.substring(colon + 1).trim();
            }
        }
        byte[] body = chunked ? chunks() : exactly(length);
        return new Response(status, etag, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] exactly(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("connection closed in the middle of a response");
        }
        return body;
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(exactly(size));
            line();
        }
        line();
        return body.toByteArray();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * What came back.
     *
     * @param status HTTP status
     * @param etag   the ETag header, if any
     * @param body   the body text
     */
    record Response(int status, String etag, String body) {

        /** A string field of a flat JSON object, found without a JSON parser (the hot loop's only need). */
        String field(String name) {
            String key = "\"" + name + "\":\"";
            int start = body.indexOf(key);
            if (start < 0) {
                return null;
            }
            start += key.length();
            return body.substring(start, body.indexOf('"', start));
        }
    }
}
