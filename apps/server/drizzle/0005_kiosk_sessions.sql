ALTER TABLE "login_orders" ADD COLUMN "kiosk" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "kiosk" boolean DEFAULT false NOT NULL;