package io.matchmaking.core;

/** The use case "leave the match you wait in" ({@link Matchmaker#leave(LeaveRequest)}). */
public interface LeaveQueue {

    /** The waiting match without the player, or that they wait nowhere. */
    LeaveResult leave(LeaveRequest request);
}
