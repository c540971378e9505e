package io.matchmaking.http.metrics;

import io.matchmaking.core.ReadMatches;
import io.matchmaking.core.QueueStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Per-queue gauges: players waiting and the oldest wait, as the last sweep read them
 * (every sweep interval), so a scrape reads no table. Queues without a waiting match drop out of
 * the exposition.
 */
final class QueueGauges {

    private final ReadMatches queues;
    private final MultiGauge playersWaiting;
    private final MultiGauge oldestWait;
    private List<QueueStatus> published;

    QueueGauges(ReadMatches queues, MeterRegistry registry) {
        this.queues = queues;
        this.playersWaiting = MultiGauge.builder("matchmaking.players.waiting")
                .description("Players in the queue's waiting match").register(registry);
        this.oldestWait = MultiGauge.builder("matchmaking.queue.oldest.wait")
                .description("How long the longest-waiting player of the queue has waited")
                .baseUnit("seconds").register(registry);
    }

    /** Registers the rows again only when a sweep has read new figures since the last scrape. */
    synchronized void refresh() {
        List<QueueStatus> swept = queues.queuesAsLastSwept();
        if (swept == published) {
            return;
        }
        published = swept;
        playersWaiting.register(swept.stream()
                .map(q -> MultiGauge.Row.of(Tags.of("queue", q.queue().value()), q.playersWaiting()))
                .toList(), true);
        oldestWait.register(swept.stream()
                .map(q -> MultiGauge.Row.of(Tags.of("queue", q.queue().value()), q.oldestWait().toMillis() / 1000.0))
                .toList(), true);
    }
}
