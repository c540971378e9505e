package io.matchmaking.store.memory;

import io.matchmaking.core.match.QueueName;
import io.matchmaking.core.store.MatchRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/** A store whose units of work fail where a test says so; every other call reaches the real store. */
final class FailingUnits {

    private FailingUnits() {
    }

    /** {@code failure} names what a unit of the queue throws, or null to let it run. */
    static MatchRepository around(MatchRepository real, Function<QueueName, Throwable> failure) {
        return (MatchRepository) Proxy.newProxyInstance(
                MatchRepository.class.getClassLoader(), new Class<?>[] {MatchRepository.class}, (proxy, method, args) -> {
                    Throwable thrown = method.getName().equals("inQueue") ? failure.apply((QueueName) args[0]) : null;
                    if (thrown != null) {
                        throw thrown;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
