-- The queue's row says whether the queue has waiting matches besides its oldest one
-- (waiting_match_id). A queue has more than one only after a party did not fit its oldest. A unit
-- then reads the oldest by primary key, in the statement that locks the queue's row, and reads the
-- others only when there are some: reading them through the (queue, status, seq) index in every
-- unit cost about a fifth more of the database's CPU per join.
--
-- Instances of schema version 3 never open a second waiting match (they place solo joins only), so
-- the FALSE they leave by default stays true during a rolling upgrade.
ALTER TABLE mm_queue
    ADD COLUMN more_waiting BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE mm_queue q
SET more_waiting = (SELECT COUNT(*) FROM mm_match m WHERE m.queue = q.queue AND m.status = 'waiting') > 1;
