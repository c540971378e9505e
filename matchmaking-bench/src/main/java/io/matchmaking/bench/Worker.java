package io.matchmaking.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/** One connection's loop: requests back to back, latencies recorded after the warm-up. */
final class Worker implements Runnable {

    private final int index;
    private final URI url;
    private final LoadOptions options;
    private final long warmupEndsAt;
    private final long endsAt;
    private final Operation[] wheel;

    final List<Ack> acks = new ArrayList<>();
    final Histogram latencyMicros = new Histogram(60_000_000L, 3);
    long measuredRequests;
    long measuredJoins;
    long errors;
    String firstError;

    Worker(int index, URI url, LoadOptions options, long warmupEndsAt, long endsAt) {
        this.index = index;
        this.url = url;
        this.options = options;
        this.warmupEndsAt = warmupEndsAt;
        this.endsAt = endsAt;
        this.wheel = wheel(options.mix());
    }

    private static Operation[] wheel(Map<Operation, Integer> mix) {
        List<Operation> slots = new ArrayList<>();
        mix.forEach((operation, weight) -> {
            for (int i = 0; i < weight; i++) {
                slots.add(operation);
            }
        });
        return slots.toArray(Operation[]::new);
    }

    @Override
    public void run() {
        String lastMatch = null;
        String lastEtag = null;
        int sequence = 0;
        try (RawHttpConnection connection = new RawHttpConnection(url)) {
            for (long now = System.nanoTime(); now < endsAt; now = System.nanoTime()) {
                Operation operation = lastMatch == null ? Operation.JOIN
                        : wheel[ThreadLocalRandom.current().nextInt(wheel.length)];
                long started = System.nanoTime();
                RawHttpConnection.Response response;
                boolean ok;
                switch (operation) {
                    case JOIN -> {
                        String queue = options.queue(index, sequence);
                        String player = options.runId() + "-c" + index + "-" + sequence++;
                        response = connection.post("/join",
                                "{\"id\":\"" + player + "\",\"queue\":\"" + queue + "\"}");
                        ok = response.status() == 200;
                        if (ok) {
                            lastMatch = response.field("match_id");
                            lastEtag = response.etag();
                            acks.add(new Ack(player, queue, lastMatch));
                        }
                    }
                    case STATUS -> {
                        response = connection.get("/status/" + lastMatch, null);
                        ok = response.status() == 200;
                    }
                    default -> {
                        response = connection.get("/status/" + lastMatch + "?wait=1", lastEtag);
                        ok = response.status() == 200 || response.status() == 304;
                    }
                }
                long finished = System.nanoTime();
                if (!ok) {
                    errors++;
                    if (firstError == null) {
                        firstError = operation + " -> " + response.status() + " " + response.body();
                    }
                }
                if (started >= warmupEndsAt) {
                    measuredRequests++;
                    if (ok && operation == Operation.JOIN) {
                        measuredJoins++;
                    }
                    latencyMicros.recordValue(Math.min((finished - started) / 1_000, 60_000_000L));
                }
            }
        } catch (IOException e) {
            errors++;
            if (firstError == null) {
                firstError = "connection " + index + ": " + e;
            }
        }
    }
}
