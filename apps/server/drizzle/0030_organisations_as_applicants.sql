ALTER TABLE "case_parties" ADD COLUMN "signing_rule" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "applicant_organisation" jsonb;