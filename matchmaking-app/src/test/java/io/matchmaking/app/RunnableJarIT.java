package io.matchmaking.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The runnable jar as it is shipped: its manifest, and every dependency's license terms kept. */
class RunnableJarIT {

    private static String entry(JarFile jar, String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theManifestNamesTheMainClassAndTheVersion() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("matchmaking.jar"))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).matches("\\d+\\.\\d+\\.\\d+.*");
        }
    }

    /** Dependencies ship license files under the same names with different terms; the jar keeps them all, not one. */
    @Test
    void licenseFilesOfTheSameNameAreKeptOneAfterAnother() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("matchmaking.jar"))) {
            assertThat(entry(jar, "META-INF/LICENSE.txt"))
                    .as("Apache (Flyway) and MIT (SLF4J)").contains("Apache License").contains("Permission is hereby granted");
            assertThat(entry(jar, "META-INF/LICENSE.md")).contains("Eclipse Public License");
            assertThat(entry(jar, "META-INF/NOTICE")).containsIgnoringCase("jackson").containsIgnoringCase("micrometer");
        }
    }

    /** The console needs nothing from a network: its chart code, and the record of its version, are in the jar. */
    @Test
    void theConsoleShipsItsChartLibraryAndItsLicense() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("matchmaking.jar"))) {
            String version = entry(jar, "META-INF/maven/org.webjars.npm/uplot/pom.properties").lines()
                    .filter(line -> line.startsWith("version=")).findFirst().orElseThrow().substring("version=".length());
            String dist = "META-INF/resources/webjars/uplot/" + version + "/";
            assertThat(jar.getEntry(dist + "dist/uPlot.iife.min.js")).isNotNull();
            assertThat(entry(jar, dist + "LICENSE")).contains("MIT");
            assertThat(jar.getEntry("io/matchmaking/http/console/index.html")).isNotNull();
        }
    }

    /**
     * The jar holds the other modules' classes as they were built now, not a copy from an earlier
     * shaded jar (the jar plugin once kept that one on a build without clean, and shade merged it first).
     */
    @Test
    void theJarHoldsTheModulesAsBuiltNow() throws IOException {
        String name = "io/matchmaking/http/ConsoleRoutes.class";
        // the HTTP module's own copy: the shaded jar is on this classpath too, and may come first
        URL built = Collections.list(RunnableJarIT.class.getClassLoader().getResources(name)).stream()
                .filter(url -> url.toString().contains("matchmaking-http-javalin"))
                .findFirst().orElseThrow(() -> new AssertionError("the HTTP module is not on the test classpath"));
        try (JarFile jar = new JarFile(System.getProperty("matchmaking.jar"));
                InputStream shipped = jar.getInputStream(jar.getEntry(name));
                InputStream fresh = built.openStream()) {
            assertThat(shipped.readAllBytes()).as("%s in the jar, against %s", name, built).isEqualTo(fresh.readAllBytes());
        }
    }
}
