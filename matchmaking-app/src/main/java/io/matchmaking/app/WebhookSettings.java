package io.matchmaking.app;

import io.matchmaking.core.event.EventType;
import io.matchmaking.webhooks.WebhookEventType;
import io.matchmaking.webhooks.WebhookSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where events go and how they are signed: {@code MATCHMAKING_WEBHOOK_URL} (one or more http(s)
 * URLs, comma-separated), {@code MATCHMAKING_WEBHOOK_SECRET} ({@code whsec_...}, required with a
 * URL), {@code MATCHMAKING_WEBHOOK_EVENTS} (default {@code match.ready}),
 * {@code MATCHMAKING_WEBHOOK_TIMEOUT} (seconds per attempt) and {@code MATCHMAKING_WEBHOOK_RETRY_FOR}
 * (seconds after the event attempts go on).
 *
 * @param receivers where every event is sent
 * @param secret    the signing key
 * @param events    which events are sent
 * @param timeout   how long one attempt may take
 * @param retryFor  how long after the event it is still tried, before it is kept as failed
 */
public record WebhookSettings(List<URI> receivers, WebhookSecret secret, Set<EventType> events, Duration timeout,
        Duration retryFor) {

    /** Copies the collections. */
    public WebhookSettings {
        receivers = List.copyOf(receivers);
        events = Set.copyOf(events);
    }

    static Optional<WebhookSettings> read(EnvironmentReader read) {
        Optional<String> urls = read.text("MATCHMAKING_WEBHOOK_URL");
        Optional<String> secret = read.text("MATCHMAKING_WEBHOOK_SECRET");
        if (urls.isEmpty()) {
            if (secret.isPresent() || read.text("MATCHMAKING_WEBHOOK_EVENTS").isPresent()) {
                throw new ConfigException("MATCHMAKING_WEBHOOK_SECRET and MATCHMAKING_WEBHOOK_EVENTS need MATCHMAKING_WEBHOOK_URL");
            }
            return Optional.empty();
        }
        WebhookSecret key;
        try {
            key = WebhookSecret.parse(secret.orElseThrow(() ->
                    new ConfigException("MATCHMAKING_WEBHOOK_SECRET is required with MATCHMAKING_WEBHOOK_URL")));
        } catch (IllegalArgumentException refused) {
            throw new ConfigException("MATCHMAKING_WEBHOOK_SECRET: " + refused.getMessage());
        }
        return Optional.of(new WebhookSettings(receivers(urls.get()),
                key,
                events(read.text("MATCHMAKING_WEBHOOK_EVENTS").orElse("match.ready")),
                read.seconds("MATCHMAKING_WEBHOOK_TIMEOUT", 10, 1, 300),
                read.seconds("MATCHMAKING_WEBHOOK_RETRY_FOR", 24 * 3600, 60, 30L * 24 * 3600)));
    }

    private static List<URI> receivers(String text) {
        List<URI> receivers = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            try {
                URI uri = new URI(trimmed);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(trimmed, "not an http(s) URL");
                }
                receivers.add(uri);
            } catch (URISyntaxException e) {
                throw new ConfigException("MATCHMAKING_WEBHOOK_URL must be http:// or https:// URLs, comma-separated");
            }
        }
        return receivers;
    }

    private static Set<EventType> events(String text) {
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            events.add(EnumSet.allOf(EventType.class).stream()
                    .filter(type -> WebhookEventType.of(type).wireName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException("MATCHMAKING_WEBHOOK_EVENTS lists event types out of "
                            + EnumSet.allOf(EventType.class).stream().map(type -> WebhookEventType.of(type).wireName())
                                    .collect(Collectors.joining(", ")) + "; not " + name)));
        }
        return events;
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return receivers.size() + " receiver(s), events " + events.stream()
                .map(type -> WebhookEventType.of(type).wireName()).sorted().collect(Collectors.joining(","));
    }
}
