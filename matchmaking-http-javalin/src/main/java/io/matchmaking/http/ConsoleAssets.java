package io.matchmaking.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's files, read from the classpath once: the page, its script and style (resources of
 * this module), and uPlot's chart code and style from its WebJar. Served by name only, so no path
 * a client sends can reach any other resource.
 */
final class ConsoleAssets {

    private static final String OWN = "/io/matchmaking/http/console/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /** A file and its content type. */
    record Asset(String contentType, byte[] bytes) {
    }

    private final Asset page;
    private final Map<String, Asset> files;

    ConsoleAssets() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        this.page = read(OWN + "index.html", "text/html; charset=utf-8");
        this.files = Map.of(
                "console.js", read(OWN + "console.js", "text/javascript; charset=utf-8"),
                "console.css", read(OWN + "console.css", "text/css; charset=utf-8"),
                "uPlot.iife.min.js", read(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "uPlot.min.css", read(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
    }

    Asset page() {
        return page;
    }

    Optional<Asset> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The WebJar's own record of its version, so a version bump in the pom is all an upgrade needs. */
    private static String uplotVersion() {
        Properties pom = new Properties();
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static Asset read(String resource, String contentType) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
