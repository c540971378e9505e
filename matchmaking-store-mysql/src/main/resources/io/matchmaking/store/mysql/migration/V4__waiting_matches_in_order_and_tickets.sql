-- Parties: a queue may have several waiting matches (a party takes the oldest one with enough
-- free seats), read in the order they were opened, and the places of one join form a ticket.
--
-- seq numbers matches in the order they were inserted; the index serves the queue lock's read of
-- the waiting matches in that order. mm_queue.waiting_match_id stays, naming the oldest waiting
-- match: with solo joins only that is the queue's one waiting match, exactly what instances of the
-- previous version read, so a rolling upgrade is safe while no party joins are sent.
ALTER TABLE mm_match
    ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT,
    ADD UNIQUE KEY mm_match_seq (seq),
    ADD KEY mm_match_queue_waiting (queue, status, seq);

-- The player whose join placed this one; NULL (rows written by the previous version) is a solo ticket.
ALTER TABLE mm_waiting
    ADD COLUMN ticket VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL;
