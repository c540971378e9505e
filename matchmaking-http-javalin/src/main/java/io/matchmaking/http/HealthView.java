package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The small body of the health checks.
 *
 * @param status {@code up} or {@code down}
 * @param reason why not ready, when down
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HealthView(@JsonProperty("status") String status, @JsonProperty("reason") String reason) {

    static final HealthView UP = new HealthView("up", null);
}
