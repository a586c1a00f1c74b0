CREATE TABLE "queue_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"officer_personnummer" text NOT NULL,
	"name" text NOT NULL,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "neighbour_consent_present" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "completion_unread" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_views_officer_name_idx" ON "queue_views" USING btree ("officer_personnummer","name");--> statement-breakpoint
CREATE INDEX "cases_queue_deadline_desc_idx" ON "cases" USING btree ("team_id",(case when "status" in ('decided', 'withdrawn') then 1 else 0 end),"decision_deadline" DESC NULLS LAST,"received_at" DESC NULLS LAST,"diary_number" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_queue_received_idx" ON "cases" USING btree ("team_id","received_at","diary_number");--> statement-breakpoint
CREATE INDEX "cases_queue_designation_idx" ON "cases" USING btree ("team_id","property_designation","diary_number");--> statement-breakpoint
CREATE INDEX "cases_queue_status_rank_idx" ON "cases" USING btree ("team_id",(case "status" when 'received' then 0 when 'awaitingCompletion' then 1 when 'proposed' then 2 when 'decided' then 3 when 'withdrawn' then 4 end),"decision_deadline","diary_number");--> statement-breakpoint
CREATE INDEX "cases_flag_deviation_idx" ON "cases" USING btree ("team_id",(case when "status" in ('decided', 'withdrawn') then 1 else 0 end),"decision_deadline","received_at","diary_number") WHERE "cases"."deviation";--> statement-breakpoint
CREATE INDEX "cases_flag_consent_missing_idx" ON "cases" USING btree ("team_id",(case when "status" in ('decided', 'withdrawn') then 1 else 0 end),"decision_deadline","received_at","diary_number") WHERE "cases"."neighbour_consent_missing";--> statement-breakpoint
CREATE INDEX "cases_flag_consent_present_idx" ON "cases" USING btree ("team_id",(case when "status" in ('decided', 'withdrawn') then 1 else 0 end),"decision_deadline","received_at","diary_number") WHERE "cases"."neighbour_consent_present";--> statement-breakpoint
CREATE INDEX "cases_flag_completion_unread_idx" ON "cases" USING btree ("team_id",(case when "status" in ('decided', 'withdrawn') then 1 else 0 end),"decision_deadline","received_at","diary_number") WHERE "cases"."completion_unread";