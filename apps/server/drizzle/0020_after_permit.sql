CREATE TABLE "case_after_permit" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"kontrollansvarig" boolean NOT NULL,
	"state" jsonb NOT NULL,
	"reminders_sent" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_after_permit" ADD CONSTRAINT "case_after_permit_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;