CREATE TABLE "case_hearings" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"reply_by" date NOT NULL,
	"closed_on" date,
	"state" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hearing_letters" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"delivery" text NOT NULL,
	"sent_on" date NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_hearings" ADD CONSTRAINT "case_hearings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_letters" ADD CONSTRAINT "hearing_letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hearing_letters_party_idx" ON "hearing_letters" USING btree ("case_id","party_id");