import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp, uuid, date, uniqueIndex } from 'drizzle-orm/pg-core';

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  personnummer: text('personnummer').notNull(),
  name: text('name').notNull(),
  roles: text('roles').array().notNull(),
  teamId: text('team_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** BankID orders in progress; the QR secret stays here and never reaches the browser. */
export const loginOrders = pgTable('login_orders', {
  orderRef: text('order_ref').primaryKey(),
  browserNonceHash: text('browser_nonce_hash').notNull(),
  qrStartToken: text('qr_start_token').notNull(),
  qrStartSecret: text('qr_start_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const officers = pgTable('officers', {
  personnummer: text('personnummer').primaryKey(),
  name: text('name').notNull(),
  teamId: text('team_id')
    .notNull()
    .references(() => teams.id),
  role: text('role').notNull(),
});

export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey(),
    ownerPersonnummer: text('owner_personnummer').notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('drafts_owner_idx').on(t.ownerPersonnummer, t.updatedAt)],
);

/** One row per year: the last diary sequence number handed out. */
export const diaryCounters = pgTable('diary_counters', {
  year: integer('year').primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    diaryNumber: text('diary_number').notNull(),
    applicantPersonnummer: text('applicant_personnummer').notNull(),
    applicantName: text('applicant_name').notNull(),
    propertyId: uuid('property_id').notNull(),
    propertyDesignation: text('property_designation').notNull(),
    measure: text('measure').notNull(),
    application: jsonb('application').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    decisionReason: text('decision_reason'),
    teamId: text('team_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    decisionDeadline: date('decision_deadline', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    /** The applicant's BankID signature over the application: signature, OCSP answer, order and time. */
    signature: jsonb('signature'),
  },
  (t) => [
    uniqueIndex('cases_diary_number_idx').on(t.diaryNumber),
    index('cases_team_deadline_idx').on(t.teamId, t.decisionDeadline),
    index('cases_applicant_idx').on(t.applicantPersonnummer),
  ],
);

/** Append-only history of a case. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

/**
 * A submission waiting for the applicant's BankID signature. The application is kept as signed-for, so what
 * becomes the case is exactly what the BankID app showed; `case_id` makes the submission happen once.
 */
export const signOrders = pgTable('sign_orders', {
  orderRef: text('order_ref').primaryKey(),
  personnummer: text('personnummer').notNull(),
  application: jsonb('application').notNull(),
  propertyDesignation: text('property_designation').notNull(),
  qrStartToken: text('qr_start_token').notNull(),
  qrStartSecret: text('qr_start_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  caseId: uuid('case_id'),
});

/**
 * Files attached to a draft and, once it is submitted, to its case. The bytes live in the attachment store
 * (content-addressed by `sha256`), never in the database. No foreign key to drafts: a draft is deleted when it
 * becomes a case, and its attachments move to the case in the same transaction.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    ownerPersonnummer: text('owner_personnummer').notNull(),
    draftId: uuid('draft_id'),
    caseId: uuid('case_id').references(() => cases.id),
    /** SITU, PLA, FAS, SEK, GRAM, OVR (AttachmentTypeSchema). */
    type: text('type').notNull(),
    /** For a neighbour's consent (GRAM): the neighbouring property it covers. */
    neighbourPropertyId: uuid('neighbour_property_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Generated by Lovisa (the site plan from the drawing), not uploaded. */
    generated: text('generated'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_draft_idx').on(t.draftId), index('attachments_case_idx').on(t.caseId)],
);
