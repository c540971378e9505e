package io.matchmaking.store.memory;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.MatchRepositoryContract;

class InMemoryMatchRepositoryContractTest extends MatchRepositoryContract {

    @Override
    protected MatchRepository newRepository() {
        return new InMemoryMatchRepository();
    }
}
