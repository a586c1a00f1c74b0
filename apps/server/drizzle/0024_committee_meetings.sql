CREATE TABLE "committee_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_date" date NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "committee_meetings_meeting_date_unique" UNIQUE("meeting_date")
);
