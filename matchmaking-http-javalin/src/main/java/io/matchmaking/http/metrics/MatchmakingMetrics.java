package io.matchmaking.http.metrics;

import io.matchmaking.core.ReadMatches;
import io.matchmaking.core.RetryListener;
import io.matchmaking.core.RetryReason;
import io.matchmaking.core.event.MatchmakingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Everything the server measures, in one Prometheus registry: JVM and process binders, domain
 * counters (register {@link #listener()} with the matchmaker), retries by reason (register
 * {@link #retries()}), per-queue gauges (after {@link #watchQueues}), and whatever the server
 * binds to {@link #registry()} (the store's timers, the connection pool).
 */
public final class MatchmakingMetrics implements AutoCloseable {

    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final DomainMetrics domainMetrics = new DomainMetrics(registry);
    private final List<QueueGauges> queueGauges = new CopyOnWriteArrayList<>();
    private final AtomicBoolean rendering = new AtomicBoolean();
    private volatile String lastExposition;

    /** A registry with the JVM and process binders bound. */
    public MatchmakingMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The registry, for binders of your own (a connection pool, say). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * The listener that counts units of work the matchmaker ran again, by reason
     * ({@code matchmaking.store.retries}: a lost claim, a deadlock or lock wait timeout, a lost COMMIT).
     */
    public RetryListener retries() {
        Map<RetryReason, Counter> counters = new EnumMap<>(RetryReason.class);
        for (RetryReason reason : RetryReason.values()) {
            counters.put(reason, Counter.builder("matchmaking.store.retries")
                    .description("Units of work run again: a lost claim, a deadlock or lock wait timeout, a lost COMMIT")
                    .tag("reason", reason.label())
                    .register(registry));
        }
        return reason -> counters.get(reason).increment();
    }

    /** The listener that counts joins, leaves, expirations, matches formed and time to ready. */
    public MatchmakingListener listener() {
        return domainMetrics;
    }

    /** Publishes players waiting and oldest wait per queue of {@code matchmaker}. */
    public void watchQueues(ReadMatches queues) {
        queueGauges.add(new QueueGauges(queues, registry));
    }

    /** Publishes how many long-poll requests are held ({@code matchmaking.long.polls.held}). */
    public void watchHeldRequests(IntSupplier held) {
        Gauge.builder("matchmaking.long.polls.held", held, supplier -> supplier.getAsInt())
                .description("Status requests held open until their match changes")
                // Micrometer keeps gauge state weakly by default; a method reference would be collected
                .strongReference(true)
                .register(registry);
    }

    /**
     * The exposition in Prometheus text format, with the queue gauges as of the last sweep. Reads
     * no store. One scrape renders at a time: a scrape that comes while another renders answers the
     * exposition rendered last, so a hundred scrapers at once cost one rendering, not a hundred.
     */
    public String scrape() {
        boolean mine = rendering.compareAndSet(false, true);
        String last = lastExposition;
        if (!mine && last != null) {
            return last;
        }
        try {
            queueGauges.forEach(QueueGauges::refresh);
            String rendered = registry.scrape();
            lastExposition = rendered;
            return rendered;
        } finally {
            if (mine) {
                rendering.set(false);
            }
        }
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
