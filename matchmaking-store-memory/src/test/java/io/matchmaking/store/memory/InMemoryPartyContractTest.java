package io.matchmaking.store.memory;

import io.matchmaking.core.store.MatchRepository;
import io.matchmaking.core.testkit.PartyContract;

class InMemoryPartyContractTest extends PartyContract {

    @Override
    protected MatchRepository newRepository() {
        return new InMemoryMatchRepository();
    }
}
