package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.match.PlayerId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The read-only use cases: matches, a player's place, the queues ({@link Matchmaker} answers them). */
public interface ReadMatches {

    /** The match, waiting or ready, unless unknown or purged. */
    Optional<Match> findMatch(MatchId id);

    /** Those of {@code ids} that exist (unknown or purged ones are left out), in no particular order. */
    List<Match> findMatches(Collection<MatchId> ids);

    /** The player's waiting match, else their latest ready match still retained. */
    Optional<Match> findPlayerMatch(PlayerId player);

    /**
     * How long the players of the waiting {@code match} can expect to wait until it is full, from
     * its queue's recent arrival rate; empty for a ready match or while there is no such data.
     */
    Optional<Duration> expectedWait(Match match);

    /** Every queue with a waiting match, read now. */
    List<QueueStatus> queues();

    /** {@link #queues()} as the last sweep read them: for figures asked for often. */
    List<QueueStatus> queuesAsLastSwept();
}
