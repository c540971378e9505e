package io.matchmaking.http.metrics;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.QueueStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Per-queue gauges, refreshed from the store just before each scrape: players waiting and the
 * oldest wait. Queues without a waiting match drop out of the exposition.
 */
final class QueueGauges {

    private final Matchmaker matchmaker;
    private final MultiGauge playersWaiting;
    private final MultiGauge oldestWait;

    QueueGauges(Matchmaker matchmaker, MeterRegistry registry) {
        this.matchmaker = matchmaker;
        this.playersWaiting = MultiGauge.builder("matchmaking.players.waiting")
                .description("Players in the queue's waiting match").register(registry);
        this.oldestWait = MultiGauge.builder("matchmaking.queue.oldest.wait")
                .description("How long the longest-waiting player of the queue has waited")
                .baseUnit("seconds").register(registry);
    }

    /** Keeps the previous rows when the store cannot answer: a scrape must not fail during an outage. */
    void refresh() {
        List<QueueStatus> queues;
        try {
            queues = matchmaker.queues();
        } catch (RuntimeException storeAway) {
            return;
        }
        playersWaiting.register(queues.stream()
                .map(q -> MultiGauge.Row.of(Tags.of("queue", q.queue().value()), q.playersWaiting()))
                .toList(), true);
        oldestWait.register(queues.stream()
                .map(q -> MultiGauge.Row.of(Tags.of("queue", q.queue().value()), q.oldestWait().toMillis() / 1000.0))
                .toList(), true);
    }
}
