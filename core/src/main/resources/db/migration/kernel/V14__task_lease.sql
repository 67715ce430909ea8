-- A claimed run of a scheduled task holds a lease until it ends (or, if its node dies, until the lease expires):
-- no other node starts the same task while a run is still going, however long it takes.
ALTER TABLE kernel_task_run ADD COLUMN busy_until_ms BIGINT DEFAULT 0 NOT NULL;
