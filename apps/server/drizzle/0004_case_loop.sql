CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" serial NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "updated_by_name" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "procedure" text DEFAULT 'permit' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deviation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "neighbour_consent_missing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assigned_to" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assigned_name" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "clock" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "completion_request" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "proposal" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "decision_conditions" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "decided_by_name" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "start_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "messages_case_idx" ON "messages" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "cases_assigned_idx" ON "cases" USING btree ("assigned_to","status");--> statement-breakpoint
-- Cases from before this migration: procedure and deviation from their `assessed` event (the clock column
-- stays null; the server then runs the clock from the receipt day alone).
UPDATE "cases" SET "procedure" = COALESCE(e."data"->>'procedure', 'permit'), "deviation" = COALESCE((e."data"->>'deviation')::boolean, false)
FROM "case_events" e WHERE e."case_id" = "cases"."id" AND e."type" = 'assessed';
