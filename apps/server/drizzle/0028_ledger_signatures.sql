CREATE TABLE "permit_free_answer_sign_orders" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"answer_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"answer_hash" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permit_free_answer_signatures" (
	"answer_id" uuid PRIMARY KEY NOT NULL,
	"property_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"signer_name" text NOT NULL,
	"answer_hash" text NOT NULL,
	"signature" text NOT NULL,
	"ocsp_response" text NOT NULL,
	"bankid_issue_date" text,
	"signed_at" timestamp with time zone NOT NULL
);
