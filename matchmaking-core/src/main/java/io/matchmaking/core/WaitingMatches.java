package io.matchmaking.core;

import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.MatchId;
import io.matchmaking.core.store.WaitingPlayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A queue's waiting matches as one unit leaves them, in the order they were opened, and the
 * matches it changed: what first fit chooses from, and what the unit saves and deletes.
 */
final class WaitingMatches {

    private final List<Match> open;
    private final Map<MatchId, Match> saved = new LinkedHashMap<>();
    private final List<MatchId> deleted = new ArrayList<>(1);

    WaitingMatches(List<Match> read) {
        this.open = new ArrayList<>(read);
    }

    /** The oldest waiting match with at least {@code seats} free, if any. */
    Optional<Match> firstFit(int seats) {
        return open.stream().filter(match -> match.seatsLeft() >= seats).findFirst();
    }

    /** A match this unit opens: the newest. */
    void opened(Match match) {
        open.add(match);
    }

    /** {@code after} is the next state of a waiting match: it keeps its place, or leaves once ready. */
    void changed(Match after) {
        saved.put(after.id(), after);
        int index = indexOf(after.id());
        if (index >= 0 && after.isReady()) {
            open.remove(index);
        } else if (index >= 0) {
            open.set(index, after);
        }
    }

    /** An empty waiting match removed for good. */
    void delete(Match match) {
        open.remove(indexOf(match.id()));
        saved.remove(match.id());
        deleted.add(match.id());
    }

    /** The waiting match a place of this queue is in; anything else is a broken store. */
    Match of(WaitingPlayer place) {
        int index = indexOf(place.matchId());
        if (index < 0) {
            throw new IllegalStateException("store is inconsistent: " + place + " but waiting matches are " + open);
        }
        return open.get(index);
    }

    /** The match of this id as this unit has it, if the unit changed it or it is waiting here. */
    Optional<Match> known(MatchId id) {
        Match changed = saved.get(id);
        if (changed != null) {
            return Optional.of(changed);
        }
        int index = indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(open.get(index));
    }

    /** The waiting matches now, oldest first. */
    List<Match> all() {
        return List.copyOf(open);
    }

    List<Match> saved() {
        return List.copyOf(saved.values());
    }

    List<MatchId> deleted() {
        return List.copyOf(deleted);
    }

    private int indexOf(MatchId id) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
