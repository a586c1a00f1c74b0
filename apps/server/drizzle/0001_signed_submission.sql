CREATE TABLE "sign_orders" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"personnummer" text NOT NULL,
	"application" jsonb NOT NULL,
	"property_designation" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"case_id" uuid
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "signature" jsonb;