CREATE TABLE "submission_keys" (
	"personnummer" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_ref" text,
	"auto_start_token" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "submission_keys_personnummer_key_pk" PRIMARY KEY("personnummer","key")
);
--> statement-breakpoint
CREATE INDEX "submission_keys_created_idx" ON "submission_keys" USING btree ("created_at");