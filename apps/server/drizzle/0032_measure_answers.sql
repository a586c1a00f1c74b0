CREATE TABLE "permit_free_measure_answers" (
	"answer_id" uuid PRIMARY KEY NOT NULL,
	"property_id" uuid NOT NULL,
	"saved_by" text NOT NULL,
	"rule_set_id" text NOT NULL,
	"measure" text NOT NULL,
	"drawing" jsonb,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "permit_free_measure_answers_property" ON "permit_free_measure_answers" USING btree ("property_id","created_at");