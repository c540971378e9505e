package io.matchmaking.http;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A game backend's key server for tests: serves the public half of the keys it is given over real
 * HTTP, counts fetches, and can be stopped to play an outage.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer http;
    private final AtomicReference<String> keys = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger fetches = new AtomicInteger();

    public JwksServer() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = keys.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    /** From now on serve the public keys of {@code served}. */
    public JwksServer serve(List<JWK> served) {
        keys.set(new JWKSet(served).toPublicJWKSet().toString());
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/.well-known/jwks.json");
    }

    /** How many times the key set was fetched. */
    public int fetches() {
        return fetches.get();
    }

    /** Stops answering: connections are refused from now on. Safe to call again. */
    public void stop() {
        http.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
