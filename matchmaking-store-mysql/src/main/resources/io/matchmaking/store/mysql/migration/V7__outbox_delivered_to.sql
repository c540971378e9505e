-- Which destinations (webhook URLs) already took an event, one per line, so a retry after a partial
-- delivery goes only to those that did not. NULL: none yet. Instances of schema version 6 neither
-- read nor write it: they retry to every destination, which receivers dedupe by the event's id.
ALTER TABLE mm_outbox ADD COLUMN delivered_to TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
