CREATE TABLE "power_sign_orders" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"personnummer" text NOT NULL,
	"power" jsonb NOT NULL,
	"power_hash" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_of_attorney" (
	"id" uuid PRIMARY KEY NOT NULL,
	"principal" text NOT NULL,
	"principal_name" text,
	"agent" text NOT NULL,
	"agent_name" text,
	"scope_kind" text NOT NULL,
	"property_id" uuid,
	"case_id" uuid,
	"scope_label" text NOT NULL,
	"valid_until" date NOT NULL,
	"power_hash" text NOT NULL,
	"signature" text NOT NULL,
	"ocsp_response" text NOT NULL,
	"bankid_issue_date" text,
	"signed_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "powers_of_attorney_scope" CHECK ("powers_of_attorney"."scope_kind" in ('property', 'case')),
	CONSTRAINT "powers_of_attorney_scope_id" CHECK (("powers_of_attorney"."scope_kind" = 'property' and "powers_of_attorney"."property_id" is not null) or ("powers_of_attorney"."scope_kind" = 'case' and "powers_of_attorney"."case_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "case_parties" ADD COLUMN "power_id" uuid;--> statement-breakpoint
ALTER TABLE "powers_of_attorney" ADD CONSTRAINT "powers_of_attorney_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "powers_of_attorney_principal_idx" ON "powers_of_attorney" USING btree ("principal");--> statement-breakpoint
CREATE INDEX "powers_of_attorney_agent_idx" ON "powers_of_attorney" USING btree ("agent");--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_power_id_powers_of_attorney_id_fk" FOREIGN KEY ("power_id") REFERENCES "public"."powers_of_attorney"("id") ON DELETE no action ON UPDATE no action;