CREATE TABLE "case_parties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"name" text,
	"role" text NOT NULL,
	"owner_key" text NOT NULL,
	"submission_hash" text NOT NULL,
	"state" text NOT NULL,
	"signature" text,
	"ocsp_response" text,
	"bankid_issue_date" text,
	"signed_at" timestamp with time zone,
	"code_hash" text,
	"code_created_at" timestamp with time zone,
	"paper_recorded_by" text,
	"paper_received_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_parties_state" CHECK ("case_parties"."state" in ('invited', 'signed', 'paper')),
	CONSTRAINT "case_parties_role" CHECK ("case_parties"."role" in ('applicant', 'coOwner', 'agent', 'signatory'))
);
--> statement-breakpoint
CREATE TABLE "party_sign_orders" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"personnummer" text NOT NULL,
	"submission_hash" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_sign_orders" ADD CONSTRAINT "party_sign_orders_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_parties_person_idx" ON "case_parties" USING btree ("case_id","personnummer");--> statement-breakpoint
CREATE UNIQUE INDEX "case_parties_code_idx" ON "case_parties" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "case_parties_personnummer_idx" ON "case_parties" USING btree ("personnummer");