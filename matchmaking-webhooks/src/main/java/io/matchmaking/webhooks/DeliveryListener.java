package io.matchmaking.webhooks;

import io.matchmaking.core.event.OutboxEvent;
import java.net.URI;
import java.time.Duration;

/** Hears how deliveries go, for metrics. Called on the dispatcher's thread: keep it short. */
public interface DeliveryListener {

    /** Hears nothing. */
    DeliveryListener NONE = new DeliveryListener() { };

    /** One attempt at one receiver ended as {@code outcome}. */
    default void attempted(OutboxEvent event, URI receiver, DeliveryOutcome outcome) {
    }

    /** Every receiver has the event, {@code sinceCommit} after its change. */
    default void delivered(OutboxEvent event, Duration sinceCommit) {
    }

    /** The event is given up on after {@code attempts} attempts. */
    default void gaveUp(OutboxEvent event, int attempts) {
    }
}
