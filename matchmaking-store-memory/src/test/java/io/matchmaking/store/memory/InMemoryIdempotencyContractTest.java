package io.matchmaking.store.memory;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.IdempotencyContract;

class InMemoryIdempotencyContractTest extends IdempotencyContract {

    @Override
    protected MatchRepository newRepository() {
        return new InMemoryMatchRepository();
    }
}
