CREATE TABLE "bankid_sim_orders" (
	"order_ref" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"end_user_ip" text NOT NULL,
	"personal_number" text,
	"requirement" jsonb NOT NULL,
	"user_visible_data" text,
	"user_non_visible_data" text,
	"auto_start_token" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"opened_by" text,
	"status" text NOT NULL,
	"hint_code" text,
	"completion_data" jsonb,
	"ended_at" timestamp (3) with time zone,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "bankid_sim_orders_one_pending_per_person" ON "bankid_sim_orders" USING btree ("personal_number") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "bankid_sim_orders_pending_idx" ON "bankid_sim_orders" USING btree ("end_user_ip","expires_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "bankid_sim_orders_auto_start_idx" ON "bankid_sim_orders" USING btree ("auto_start_token");--> statement-breakpoint
CREATE INDEX "bankid_sim_orders_qr_start_idx" ON "bankid_sim_orders" USING btree ("qr_start_token");--> statement-breakpoint
CREATE INDEX "bankid_sim_orders_ended_idx" ON "bankid_sim_orders" USING btree ("ended_at");