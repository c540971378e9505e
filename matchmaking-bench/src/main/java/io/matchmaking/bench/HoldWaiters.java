package io.matchmaking.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds N long-poll requests on one waiting match (one NIO selector thread, so the client needs
 * no thread per request), reads the server's threads and heap from its /metrics while they are
 * held (after a full GC of the server, through jcmd, when its pid is given), then makes one change
 * and times how long all N take to be answered. Beyond about 28,000 connections to one server port
 * a source address runs out of ephemeral ports: {@code --sources K} spreads them over 127.0.0.1 to
 * 127.0.0.K (a loopback server only).
 *
 * <pre>java -cp matchmaking-bench.jar io.matchmaking.bench.HoldWaiters --url http://127.0.0.1:8080 --waiters 10000 --pid 1234</pre>
 */
public final class HoldWaiters {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private HoldWaiters() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create("http://127.0.0.1:8080");
        int count = 10_000;
        long pid = -1;
        int sources = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = URI.create(args[i + 1]);
                case "--waiters" -> count = Integer.parseInt(args[i + 1]);
                case "--pid" -> pid = Long.parseLong(args[i + 1]);
                case "--sources" -> sources = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String queue = "hold-" + UUID.randomUUID().toString().substring(0, 8);
        String matchId;
        String etag;
        try (RawHttpConnection connection = new RawHttpConnection(url)) {
            RawHttpConnection.Response joined = connection.post("/join", "{\"id\":\"" + queue + "-a\",\"queue\":\"" + queue + "\"}");
            matchId = joined.field("match_id");
            etag = joined.etag();
        }
        Snapshot before = snapshot(url, pid);
        byte[] request = ("GET /status/" + matchId + "?wait=60 HTTP/1.1\r\nHost: " + url.getHost() + "\r\nIf-None-Match: "
                + etag + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Selector selector = Selector.open();
        List<SocketChannel> channels = Collections.synchronizedList(new ArrayList<>(count));
        long openingStarted = System.nanoTime();
        ExecutorService openers = Executors.newFixedThreadPool(32);
        String host = url.getHost();
        int port = url.getPort();
        for (int i = 0; i < count; i++) {
            // a source address has about 28,000 ephemeral ports towards one server port
            InetSocketAddress source = new InetSocketAddress("127.0.0." + (1 + i % sources), 0);
            openers.submit(() -> {
                SocketChannel channel = SocketChannel.open();
                channel.bind(source);
                channel.connect(new InetSocketAddress(host, port));
                channel.write(ByteBuffer.wrap(request));
                channels.add(channel);
                return null;
            });
        }
        openers.shutdown();
        openers.awaitTermination(5, TimeUnit.MINUTES);
        System.out.printf(Locale.ROOT, "opened %d connections in %d ms%n", channels.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openingStarted));
        for (SocketChannel channel : channels) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(1024));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int held = held(url); held < count && System.nanoTime() < deadline; held = held(url)) {
            Thread.sleep(100);
        }
        Snapshot holding = snapshot(url, pid);
        System.out.printf(Locale.ROOT, "held %d requests on one match%n", held(url));
        System.out.printf(Locale.ROOT, "server threads: %d before, %d while holding%n", before.threads(), holding.threads());
        System.out.printf(Locale.ROOT, "server heap used%s: %.1f MiB before, %.1f MiB while holding (%.0f bytes per held request)%n",
                pid > 0 ? " after a full GC" : "", before.heap() / 1048576.0, holding.heap() / 1048576.0,
                (holding.heap() - before.heap()) / (double) count);

        long changedAt = System.nanoTime();
        try (RawHttpConnection connection = new RawHttpConnection(url)) {
            connection.post("/join", "{\"id\":\"" + queue + "-b\",\"queue\":\"" + queue + "\"}");
        }
        int answered = 0;
        int ok = 0;
        while (answered < count && System.nanoTime() < changedAt + TimeUnit.SECONDS.toNanos(30)) {
            selector.select(1_000);
            for (SelectionKey key : selector.selectedKeys()) {
                ByteBuffer buffer = (ByteBuffer) key.attachment();
                int read = ((SocketChannel) key.channel()).read(buffer);
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
                if (read < 0 || complete(text)) {
                    answered++;
                    if (text.startsWith("HTTP/1.1 200")) {
                        ok++;
                    } else if (ok == 0 && answered == 1) {
                        System.out.println("unexpected answer: " + text.lines().findFirst().orElse("(none)"));
                    }
                    key.cancel();
                }
            }
            selector.selectedKeys().clear();
        }
        System.out.printf(Locale.ROOT, "one change answered %d of %d held requests (%d with 200) in %d ms%n", answered, count,
                ok, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changedAt));
        for (SocketChannel channel : channels) {
            channel.close();
        }
        System.exit(answered == count && ok == count ? 0 : 1);
    }

    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher length = CONTENT_LENGTH.matcher(response);
        return !length.find() || response.length() - end - 4 >= Integer.parseInt(length.group(1));
    }

    record Snapshot(long threads, double heap) {
    }

    private static Snapshot snapshot(URI url, long pid) throws IOException, InterruptedException {
        if (pid > 0) {
            new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        String metrics = metrics(url);
        double heap = 0;
        Matcher used = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} (\\S+)$").matcher(metrics);
        while (used.find()) {
            heap += Double.parseDouble(used.group(1));
        }
        return new Snapshot((long) value(metrics, "jvm_threads_live_threads"), heap);
    }

    private static int held(URI url) throws IOException {
        return (int) value(metrics(url), "matchmaking_long_polls_held");
    }

    private static String metrics(URI url) throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(url)) {
            return connection.get("/metrics", null).body();
        }
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
    }
}
