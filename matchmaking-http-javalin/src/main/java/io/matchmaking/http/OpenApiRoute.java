package io.matchmaking.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yaml}: the OpenAPI 3.1 document of this API (docs/openapi.yaml, bundled at build time). */
final class OpenApiRoute {

    private final byte[] document;

    OpenApiRoute() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        Routes.get(routes, "/openapi.yaml", ctx -> ctx.contentType("application/yaml; charset=utf-8").result(document));
    }
}
