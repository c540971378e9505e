package io.matchmaking.core.testkit;

import io.matchmaking.core.JoinRequest;
import io.matchmaking.core.JoinResult;
import io.matchmaking.core.LeaveResult;
import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.PartyMemberWaitingException;
import io.matchmaking.core.match.Match;
import io.matchmaking.core.match.PlayerId;
import io.matchmaking.core.match.QueueName;
import java.util.List;

/**
 * The matchmaker's use cases as a linearizability checker sees them: small integers in, answers
 * as plain text out (the kind of answer, the players of the match and its status, never a match
 * id, which the order of openings decides). Names carry a prefix, so that scenarios can share
 * one database and still each start from an empty state.
 */
public final class ObservedMatchmaker {

    private final Matchmaker matchmaker;
    private final String prefix;

    public ObservedMatchmaker(Matchmaker matchmaker, String prefix) {
        this.matchmaker = matchmaker;
        this.prefix = prefix;
    }

    public String join(int player, int queue) {
        return answer(() -> describe(matchmaker.join(new JoinRequest(player(player), queue(queue)))));
    }

    public String joinParty(int player, int member, int queue) {
        return answer(() -> describe(matchmaker.join(new JoinRequest(player(player), queue(queue))
                .withParty(List.of(player(member))))));
    }

    public String leave(int player) {
        LeaveResult left = matchmaker.leave(player(player));
        return left instanceof LeaveResult.Left done ? "left " + describe(done.match()) : "not waiting";
    }

    public String where(int player) {
        return matchmaker.findPlayerMatch(player(player)).map(ObservedMatchmaker::describe).orElse("nowhere");
    }

    private interface Answer {
        String get();
    }

    private static String answer(Answer join) {
        try {
            return join.get();
        } catch (PartyMemberWaitingException refused) {
            return "refused: a member waits";
        }
    }

    private static String describe(JoinResult result) {
        return result.getClass().getSimpleName() + " " + describe(result.match());
    }

    private static String describe(Match match) {
        return match.queue().value().replaceFirst("^.*?-", "") + " " + match.status() + " "
                + match.players().stream().map(player -> player.value().replaceFirst("^.*?-", "")).toList();
    }

    private PlayerId player(int n) {
        return PlayerId.of(prefix + "-p" + n);
    }

    private QueueName queue(int n) {
        return QueueName.of(prefix + "-q" + n);
    }
}
