-- One file per slot, enforced by the database (see schema.ts). Old data may break the rule (uploads raced before
-- this), so it is put right first, keeping the newest file of each slot, as a later upload would have done.
-- Writers wait meanwhile, so no duplicate slips in between the clean-up and the index.
LOCK TABLE "attachments" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "answers_order_of" timestamp with time zone;
--> statement-breakpoint
-- A neighbour's property means something only on a consent; elsewhere it only split one slot into many.
UPDATE "attachments" SET "neighbour_property_id" = NULL WHERE "neighbour_property_id" IS NOT NULL AND "type" <> 'GRAM';
--> statement-breakpoint
-- A file on a case answers the latest order issued before it came (the event's time is the order's issuedAt);
-- the application's own files came before any order.
UPDATE "attachments" a SET "answers_order_of" = (
  SELECT max(e."at") FROM "case_events" e WHERE e."case_id" = a."case_id" AND e."type" = 'completionRequested' AND e."at" <= a."created_at"
) WHERE a."case_id" IS NOT NULL;
--> statement-breakpoint
-- A draft's slot: the older files go, as the upload that replaced them should have removed them.
DELETE FROM "attachments" WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (
      PARTITION BY "draft_id", "type", coalesce("neighbour_property_id", '00000000-0000-0000-0000-000000000000'::uuid)
      ORDER BY "created_at" DESC, "id" DESC
    ) AS n FROM "attachments" WHERE "draft_id" IS NOT NULL AND "type" <> 'OVR'
  ) d WHERE d.n > 1
);
--> statement-breakpoint
-- An answer's slot, while the order still waits for the answer: the same.
DELETE FROM "attachments" WHERE "id" IN (
  SELECT "id" FROM (
    SELECT a."id", row_number() OVER (
      PARTITION BY a."case_id", a."answers_order_of", a."type", coalesce(a."neighbour_property_id", '00000000-0000-0000-0000-000000000000'::uuid)
      ORDER BY a."created_at" DESC, a."id" DESC
    ) AS n
    FROM "attachments" a JOIN "cases" c ON c."id" = a."case_id"
    WHERE a."answers_order_of" IS NOT NULL AND a."type" <> 'OVR'
      AND c."status" = 'awaitingCompletion' AND (c."completion_request"->>'issuedAt')::timestamptz = a."answers_order_of"
  ) d WHERE d.n > 1
);
--> statement-breakpoint
-- An answer already sent is on record (its `completed` event names every file): the older files stay with the case,
-- only no longer as the answer's file of that slot.
UPDATE "attachments" SET "answers_order_of" = NULL WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (
      PARTITION BY "case_id", "answers_order_of", "type", coalesce("neighbour_property_id", '00000000-0000-0000-0000-000000000000'::uuid)
      ORDER BY "created_at" DESC, "id" DESC
    ) AS n FROM "attachments" WHERE "answers_order_of" IS NOT NULL AND "type" <> 'OVR'
  ) d WHERE d.n > 1
);
--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_draft_slot_idx" ON "attachments" USING btree ("draft_id","type",coalesce("neighbour_property_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "attachments"."draft_id" is not null and "attachments"."type" <> 'OVR';
--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_answer_slot_idx" ON "attachments" USING btree ("case_id","answers_order_of","type",coalesce("neighbour_property_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "attachments"."answers_order_of" is not null and "attachments"."type" <> 'OVR';
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_neighbour_only_gram" CHECK ("attachments"."neighbour_property_id" is null or "attachments"."type" = 'GRAM');
