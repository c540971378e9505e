package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.QueueStats;
import io.matchmaking.core.store.WaitingPlayer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each queue's recent arrival rate, and from it how long a waiting match will take to fill.
 *
 * <p>Estimated from what every sweep reads of the store, never from this instance's own joins, so
 * that instances sharing a database agree (each serves only its share of the joins). Everyone who
 * arrived since the longest-waiting player of a queue joined is still waiting (a waiting match
 * loses players only to a leave or an expiry), so {@code k} players waiting for {@code t} seconds
 * since the first of them joined saw about {@code k / t} arrivals a second. Single readings are
 * noisy (one player who just joined says "infinitely fast"), so the rate is a ratio of sums over
 * the readings, each weighted by how recent it is (a minute's time constant), and it answers only
 * once those readings span a second of waiting. A queue nobody has waited in for ten minutes is
 * forgotten, which bounds the memory by the queues the cap admits.
 */
final class ArrivalRates {

    private static final double TIME_CONSTANT_SECONDS = 60;
    private static final double MIN_SECONDS_OF_DATA = 1;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private record Readings(double arrivals, double seconds, Instant at) {
    }

    private final Map<QueueName, Readings> byQueue = new ConcurrentHashMap<>();

    /** One sweep's reading of every queue with a waiting match. */
    void observe(List<QueueStats> queues, Instant now) {
        for (QueueStats stats : queues) {
            Optional<Instant> first = stats.places().stream().map(WaitingPlayer::joinedAt).min(Instant::compareTo);
            if (first.isEmpty()) {
                continue;
            }
            double seconds = Math.max(0, Duration.between(first.get(), now).toNanos() / 1e9);
            int waiting = stats.places().size();
            byQueue.merge(stats.queue(), new Readings(waiting, seconds, now), (old, reading) -> {
                double weight = Math.exp(-Math.max(0, Duration.between(old.at(), now).toNanos() / 1e9)
                        / TIME_CONSTANT_SECONDS);
                return new Readings(old.arrivals() * weight + waiting, old.seconds() * weight + seconds, now);
            });
        }
        Instant stale = now.minus(FORGET_AFTER);
        byQueue.values().removeIf(readings -> readings.at().isBefore(stale));
    }

    /** Players arriving per second at {@code queue}; empty without enough recent data. */
    Optional<Double> perSecond(QueueName queue) {
        Readings readings = byQueue.get(queue);
        if (readings == null || readings.seconds() < MIN_SECONDS_OF_DATA) {
            return Optional.empty();
        }
        return Optional.of(readings.arrivals() / readings.seconds());
    }

    /** How long until {@code seats} more players have arrived at {@code queue}; empty without data. */
    Optional<Duration> timeFor(QueueName queue, int seats) {
        return perSecond(queue).map(rate -> Duration.ofMillis(Math.round(seats * 1000 / rate)));
    }

    /** How long until the waiting match {@code match} is full; empty without data. */
    Optional<Duration> untilFull(Match match) {
        return timeFor(match.queue(), match.seatsLeft());
    }
}
