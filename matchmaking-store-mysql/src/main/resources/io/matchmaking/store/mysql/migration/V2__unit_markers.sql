-- One row per committed unit of work that changed something, written in the unit's own
-- transaction: when a COMMIT's answer is lost, the store reads the row back on another connection
-- to learn whether the unit committed. The id is time-ordered (UUIDv7 text), so the sweep deletes
-- old markers by a primary-key range; they are needed for seconds and kept for minutes.
CREATE TABLE mm_unit (
    unit_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (unit_id)
) ENGINE = InnoDB;
