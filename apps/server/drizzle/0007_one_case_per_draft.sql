ALTER TABLE "cases" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_draft_idx" ON "cases" USING btree ("draft_id");