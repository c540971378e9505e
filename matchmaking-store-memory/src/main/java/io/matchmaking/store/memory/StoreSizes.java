package io.matchmaking.store.memory;

/**
 * Entry counts of the in-memory structures.
 *
 * @param matches       waiting and ready matches
 * @param waitingQueues queues with a waiting match
 * @param places        waiting places
 * @param lastReady     players with a retained ready match
 * @param readyOrder    ready matches queued for purging
 * @param records       idempotency records
 */
record StoreSizes(int matches, int waitingQueues, int places, int lastReady, int readyOrder, int records) {
}
