-- The audit log is append-only: the application never changes or removes an event, and the database
-- refuses it too, whoever asks.
CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_events_no_update_or_delete BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();
