-- The outbox: events a unit of work writes in its own transaction, for delivery at least once
-- (webhooks). Each row holds the match as it was after the change, so delivery never reads a match
-- that changed since or was purged. seq keeps the order written; a claim takes rows in that order
-- with FOR UPDATE SKIP LOCKED and moves due_at to the end of its lease, so any instance may
-- deliver any event and one that dies leaves its claims to the others once the lease is over.
-- Delivered rows are deleted; rows given up on stay, failed, for an operator to see.
CREATE TABLE mm_outbox (
    seq             BIGINT        NOT NULL AUTO_INCREMENT,
    event_id        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    type            VARCHAR(32)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_player    VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    occurred_at     BIGINT        NOT NULL,
    match_id        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    queue           VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    size            SMALLINT      NOT NULL,
    status          VARCHAR(8)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    players         VARCHAR(6500) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    updated_at      BIGINT        NOT NULL,
    ready_at        BIGINT        NULL,
    version         BIGINT        NOT NULL,
    due_at          BIGINT        NOT NULL,
    failed_attempts INT           NOT NULL DEFAULT 0,
    failed          BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (seq),
    UNIQUE KEY mm_outbox_event (event_id),
    KEY mm_outbox_pending (failed, seq)
) ENGINE = InnoDB;
