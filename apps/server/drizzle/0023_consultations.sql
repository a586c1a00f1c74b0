CREATE TABLE "case_consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"consultee" text NOT NULL,
	"email" text NOT NULL,
	"question" text NOT NULL,
	"reply_by" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" text NOT NULL,
	"token_hash" text NOT NULL,
	"answer_kind" text,
	"answer_text" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_consultations_token_idx" ON "case_consultations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "case_consultations_case_idx" ON "case_consultations" USING btree ("case_id","sent_at");