package io.matchmaking.store.memory;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.OutboxContract;

class InMemoryOutboxContractTest extends OutboxContract {

    @Override
    protected MatchRepository newRepository() {
        return new InMemoryMatchRepository();
    }
}
