-- Ids are case-sensitive ASCII (A-Z a-z 0-9 . _ : @ -), hence ascii_bin everywhere.
-- Times are UTC epoch milliseconds (BIGINT): no session or server time zone can shift them.

-- One row per queue with a waiting match: the lock every unit of work of the queue takes by
-- primary key (SELECT ... FOR UPDATE), which serializes the queue across all instances.
CREATE TABLE mm_queue (
    queue            VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    waiting_match_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (queue)
) ENGINE = InnoDB;

CREATE TABLE mm_match (
    match_id   VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    queue      VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    size       SMALLINT      NOT NULL,
    status     VARCHAR(8)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- the players in join order, separated by one space (ids never contain one); the seats
    -- below hold the same list as rows, for constraints and lookups by player
    players    VARCHAR(6500) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    updated_at BIGINT        NOT NULL,
    ready_at   BIGINT        NULL,
    version    BIGINT        NOT NULL,
    PRIMARY KEY (match_id),
    KEY mm_match_ready_at (ready_at),
    CONSTRAINT mm_match_status CHECK (status IN ('waiting', 'ready')),
    CONSTRAINT mm_match_ready_when_full CHECK ((status = 'ready') = (ready_at IS NOT NULL))
) ENGINE = InnoDB;

-- One row per place in a match: a position holds one player, a player holds one position.
CREATE TABLE mm_seat (
    match_id  VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position  SMALLINT    NOT NULL,
    player_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (match_id, position),
    UNIQUE KEY mm_seat_match_player (match_id, player_id),
    KEY mm_seat_player (player_id)
) ENGINE = InnoDB;

-- The waiting places. The primary key is the rule "a player waits in at most one match": two
-- instances that claim the same player at once cannot both commit.
CREATE TABLE mm_waiting (
    player_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    queue        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    match_id     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    joined_at    BIGINT      NOT NULL,
    last_join_at BIGINT      NOT NULL,
    PRIMARY KEY (player_id),
    KEY mm_waiting_queue (queue)
) ENGINE = InnoDB;
