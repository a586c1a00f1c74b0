CREATE TABLE "permit_free_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"answer_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"saved_by" text NOT NULL,
	"source" text NOT NULL,
	"rule_set_id" text NOT NULL,
	"measure" text NOT NULL,
	"legal_basis" text NOT NULL,
	"footprint" jsonb NOT NULL,
	"area_m2" double precision NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "permit_free_answers_property" ON "permit_free_answers" USING btree ("property_id","created_at");