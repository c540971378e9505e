package io.matchmaking.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runnable jar as a child process, as an operator runs it: started, SIGTERMed, or killed with -9. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread copier;

    private ServerProcess(Process process, int port, Path log, Thread copier) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.copier = copier;
    }

    /** What a server that stopped by itself printed, and its exit code. */
    record Exited(int code, String output) {
    }

    /** Starts the jar with {@code env} (variable, value, ...) on a free port and waits until it listens. */
    static ServerProcess start(String... env) throws IOException, InterruptedException {
        Path log = Files.createTempFile("matchmaking-server", ".log");
        Process process = launch(env);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(process, log, port), "server-output");
        copier.setDaemon(true);
        copier.start();
        try {
            return new ServerProcess(process, port.get(30, TimeUnit.SECONDS), log, copier);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start; its output:\n" + Files.readString(log), e);
        }
    }

    /** Runs the jar with {@code env} until it exits by itself (it fails to start), at most {@code seconds}. */
    static Exited runUntilExit(long seconds, String... env) throws IOException, InterruptedException {
        Process process = launch(env);
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not exit within " + seconds + " s");
        }
        return new Exited(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
    }

    private static Process launch(String... env) throws IOException {
        String jar = System.getProperty("matchmaking.jar");
        if (jar == null) {
            throw new IllegalStateException("run through failsafe: the system property matchmaking.jar names the jar");
        }
        Map<String, String> variables = new HashMap<>();
        variables.put("MATCHMAKING_PORT", "0");
        for (int i = 0; i + 1 < env.length; i += 2) {
            variables.put(env[i], env[i + 1]);
        }
        // the JVM flags of the README's start command (docs/operations.md, "JVM flags")
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmn32m", "-XX:MaxTenuringThreshold=0", "-jar", jar).redirectErrorStream(true);
        // as an operator starts it: none of the test run's own MATCHMAKING_TEST_* settings
        builder.environment().keySet().removeIf(name -> name.startsWith("MATCHMAKING_"));
        builder.environment().putAll(variables);
        return builder.start();
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the server exited"));
    }

    int port() {
        return port;
    }

    TestClient client() {
        return new TestClient(port);
    }

    /** SIGTERM: the graceful path. Through the handle: {@code Process.destroy()} would also close our end of its output. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: nothing runs after it. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    boolean exitedWithin(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Everything the process printed; after it exited, including its last lines. */
    String output() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            copier.join(TimeUnit.SECONDS.toMillis(10));
        }
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
