CREATE TABLE "decision_announcements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"published_on" date NOT NULL,
	"up_until" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL,
	CONSTRAINT "decision_announcements_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "decision_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"party" text NOT NULL,
	"personnummer" text NOT NULL,
	"name" text,
	"property_designation" text,
	"purpose" text NOT NULL,
	"method" text NOT NULL,
	"sent_on" date NOT NULL,
	"delivered_on" date,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_announcements" ADD CONSTRAINT "decision_announcements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_deliveries" ADD CONSTRAINT "decision_deliveries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_announcements_current_idx" ON "decision_announcements" USING btree ("channel","up_until","published_on");--> statement-breakpoint
CREATE INDEX "decision_deliveries_case_idx" ON "decision_deliveries" USING btree ("case_id");