package io.matchmaking.webhooks;

/**
 * What one attempt to deliver a webhook came to. Only a 2xx answer delivers it; anything else is
 * tried again later, as the Standard Webhooks spec asks.
 *
 * @param kind   delivered, refused (an answer other than 2xx), timed out, or unreachable
 * @param status the receiver's HTTP status; 0 without an answer
 * @param detail what went wrong, for the log line of a failed attempt; empty when delivered
 */
public record DeliveryOutcome(Kind kind, int status, String detail) {

    /** The four ways an attempt ends. */
    public enum Kind { DELIVERED, REFUSED, TIMED_OUT, UNREACHABLE }

    static DeliveryOutcome of(int status) {
        return status >= 200 && status < 300
                ? new DeliveryOutcome(Kind.DELIVERED, status, "")
                : new DeliveryOutcome(Kind.REFUSED, status, "answered " + status);
    }

    /** Whether the receiver has it. */
    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }
}
