CREATE TABLE "consent_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"invitation_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"answer" text NOT NULL,
	"reason" text,
	"subject" jsonb,
	"subject_hash" text,
	"signature" text,
	"ocsp_response" text,
	"bankid_issue_date" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_answers_kind" CHECK ("consent_answers"."answer" in ('consented', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "consent_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"applicant_personnummer" text NOT NULL,
	"applicant_name" text NOT NULL,
	"site_property_id" uuid NOT NULL,
	"neighbour_property_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent_sign_orders" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"invitation_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"subject" jsonb NOT NULL,
	"subject_hash" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_answers" ADD CONSTRAINT "consent_answers_invitation_id_consent_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."consent_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_answers_owner_idx" ON "consent_answers" USING btree ("invitation_id","personnummer");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_invitations_code_idx" ON "consent_invitations" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "consent_invitations_draft_idx" ON "consent_invitations" USING btree ("draft_id");