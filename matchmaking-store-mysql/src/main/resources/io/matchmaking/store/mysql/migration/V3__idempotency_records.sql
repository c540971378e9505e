-- What the first request with an Idempotency-Key did, written in the same transaction as its
-- change: a later request with the same key answers that match instead of acting again. The
-- primary key makes two first requests with one key impossible (the second unit runs again and
-- finds the record). Kept for the match retention; the sweep deletes older ones by created_at.
CREATE TABLE mm_idempotency (
    player_id  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    idem_key   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request    VARCHAR(80)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    match_id   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (player_id, idem_key),
    KEY mm_idempotency_created_at (created_at)
) ENGINE = InnoDB;
