package io.matchmaking.store.memory;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.MatchRepositoryConcurrencyContract;

class InMemoryMatchRepositoryConcurrencyTest extends MatchRepositoryConcurrencyContract {

    @Override
    protected MatchRepository newRepository() {
        return new InMemoryMatchRepository();
    }
}
