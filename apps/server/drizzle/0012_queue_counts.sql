-- The queue's totals per team and status, kept by the database whoever writes `cases` (see schema.ts).
-- Writers wait while the counts are taken and the triggers made, so no case is counted twice or missed.
LOCK TABLE "cases" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TABLE "queue_counts" (
	"team_id" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "queue_counts_team_id_status_pk" PRIMARY KEY("team_id","status")
);
--> statement-breakpoint
INSERT INTO "queue_counts" ("team_id", "status", "n") SELECT "team_id", "status", count(*) FROM "cases" GROUP BY 1, 2;
--> statement-breakpoint
-- New cases, counted once per statement (a bulk insert of 100 000 touches each team's rows once), in key order
-- so that two inserting transactions take the counter rows' locks in the same order.
CREATE OR REPLACE FUNCTION queue_counts_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO queue_counts (team_id, status, n)
    SELECT team_id, status, count(*) FROM new_cases GROUP BY team_id, status ORDER BY team_id, status
  ON CONFLICT (team_id, status) DO UPDATE SET n = queue_counts.n + excluded.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_queue_counts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION queue_counts_insert();
--> statement-breakpoint
-- A case changing status or team moves from one counter to another; both rows in key order, so two cases moving
-- in opposite directions at once cannot deadlock.
CREATE OR REPLACE FUNCTION queue_counts_move() RETURNS trigger AS $$
BEGIN
  IF (OLD.team_id, OLD.status) < (NEW.team_id, NEW.status) THEN
    UPDATE queue_counts SET n = n - 1 WHERE team_id = OLD.team_id AND status = OLD.status;
    INSERT INTO queue_counts (team_id, status, n) VALUES (NEW.team_id, NEW.status, 1)
      ON CONFLICT (team_id, status) DO UPDATE SET n = queue_counts.n + 1;
  ELSE
    INSERT INTO queue_counts (team_id, status, n) VALUES (NEW.team_id, NEW.status, 1)
      ON CONFLICT (team_id, status) DO UPDATE SET n = queue_counts.n + 1;
    UPDATE queue_counts SET n = n - 1 WHERE team_id = OLD.team_id AND status = OLD.status;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_queue_counts_move AFTER UPDATE OF team_id, status ON cases FOR EACH ROW
  WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION queue_counts_move();
--> statement-breakpoint
-- Cases are never deleted today (their events are append-only); should one be, its count goes with it.
CREATE OR REPLACE FUNCTION queue_counts_delete() RETURNS trigger AS $$
BEGIN
  UPDATE queue_counts q SET n = q.n - d.n
    FROM (SELECT team_id, status, count(*) AS n FROM old_cases GROUP BY team_id, status) d
    WHERE q.team_id = d.team_id AND q.status = d.status;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_queue_counts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_cases FOR EACH STATEMENT EXECUTE FUNCTION queue_counts_delete();
--> statement-breakpoint
-- TRUNCATE fires no row triggers: the counts go with the cases.
CREATE OR REPLACE FUNCTION queue_counts_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM queue_counts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_queue_counts_truncate AFTER TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION queue_counts_truncate();
