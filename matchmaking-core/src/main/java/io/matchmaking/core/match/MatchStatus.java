package io.matchmaking.core.match;

/** A match waits for players until it is full; then it is ready and never changes again. */
public enum MatchStatus {
    /** Still taking players. */
    WAITING,
    /** Full; final. */
    READY
}
