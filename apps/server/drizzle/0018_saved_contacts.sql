CREATE TABLE "saved_contacts" (
	"personnummer" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
