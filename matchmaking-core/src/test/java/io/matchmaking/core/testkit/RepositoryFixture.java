package io.matchmaking.core.testkit;

import io.matchmaking.core.Matchmaker;
import io.matchmaking.core.MatchmakingRules;
import io.matchmaking.core.store.MatchRepository;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract test starts from: a fresh repository from the store under test, a manual
 * clock, sequential match ids and a listener that records events.
 */
public abstract class RepositoryFixture {

    /** Size 3, 300 s wait timeout, one hour retention: the defaults of API.md. */
    protected static final MatchmakingRules RULES = MatchmakingRules.DEFAULT;

    protected final ManualClock clock = new ManualClock();
    protected final RecordingListener listener = new RecordingListener();
    protected final SequentialMatchIds matchIds = new SequentialMatchIds();
    protected MatchRepository repository;
    protected Matchmaker matchmaker;

    /** A new, empty repository of the store under test; called once per test. */
    protected abstract MatchRepository newRepository();

    @BeforeEach
    void openRepository() {
        repository = newRepository();
        matchmaker = matchmaker(RULES);
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    /** A matchmaker on this test's repository, clock and listener, with other rules. */
    protected Matchmaker matchmaker(MatchmakingRules rules) {
        return Matchmaker.builder(repository)
                .rules(rules)
                .clock(clock)
                .clockOverridesStore(true)
                .matchIds(matchIds)
                .listener(listener)
                .build();
    }

    /** The default rules with another wait timeout in seconds. */
    protected static MatchmakingRules waitTimeout(long seconds) {
        return RULES.withWaitTimeout(Duration.ofSeconds(seconds));
    }
}
