-- The officer queue's search: trigram indexes need pg_trgm (PGlite loads it in db/database.ts; on a PostgreSQL
-- server it comes with the contrib package and this statement needs a role allowed to create it, see docs/operations.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "cases_search_trgm_idx" ON "cases" USING gin ("diary_number" gin_trgm_ops,"property_designation" gin_trgm_ops,"applicant_name" gin_trgm_ops);
