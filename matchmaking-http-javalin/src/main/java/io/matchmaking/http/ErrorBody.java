package io.matchmaking.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Every error answer: {@code {"error": "<human readable message>"}}, nothing else. */
record ErrorBody(@JsonProperty("error") String error) {
}
