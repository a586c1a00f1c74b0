import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
  date,
  doublePrecision,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  personnummer: text('personnummer').notNull(),
  name: text('name').notNull(),
  roles: text('roles').array().notNull(),
  teamId: text('team_id'),
  /** A login started at a town-hall kiosk: applicant rights only, a short life, never the officer console. */
  kiosk: boolean('kiosk').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** BankID orders in progress; the QR secret stays here and never reaches the browser. */
export const loginOrders = pgTable('login_orders', {
  orderRef: text('order_ref').primaryKey(),
  browserNonceHash: text('browser_nonce_hash').notNull(),
  qrStartToken: text('qr_start_token').notNull(),
  qrStartSecret: text('qr_start_secret').notNull(),
  /** Started at a town-hall kiosk: the session it ends in is a kiosk session. */
  kiosk: boolean('kiosk').notNull().default(false),
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

/** Contact details an applicant asked Lovisa to remember for their next application (their consent, revocable). */
export const savedContacts = pgTable('saved_contacts', {
  personnummer: text('personnummer').primaryKey(),
  email: text('email').notNull(),
  phone: text('phone').notNull(),
  savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
});

export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey(),
    ownerPersonnummer: text('owner_personnummer').notNull(),
    data: jsonb('data').notNull(),
    /** The client's count of its saves: an autosave that arrives after a newer one does not overwrite it. */
    revision: bigint('revision', { mode: 'number' }),
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

/** 1 for a closed case, 0 for an open one: the queue puts open cases first (the same expression as its indexes). */
export const closedLast = (status: unknown): SQL =>
  sql`(case when ${status} in ('decided', 'withdrawn') then 1 else 0 end)`;

/** A status's place in a case's life, for the queue's status order (written out: an index expression takes no parameters). */
const statusOrder = ['received', 'awaitingCompletion', 'proposed', 'decided', 'withdrawn'];
export const statusRank = (status: unknown): SQL =>
  sql`(case ${status} ${sql.raw(statusOrder.map((st, i) => `when '${st}' then ${i}`).join(' '))} end)`;

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
    /**
     * Optimistic concurrency: every change is `… WHERE id = $1 AND version = $n` and adds one, so a request made
     * on a stale read changes nothing (409, naming who changed the case last).
     */
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    updatedByName: text('updated_by_name'),
    /** From the rules engine's verdict on arrival (the `assessed` event), kept here for the queue's filters. */
    procedure: text('procedure').notNull().default('permit'),
    deviation: boolean('deviation').notNull().default(false),
    neighbourConsentMissing: boolean('neighbour_consent_missing').notNull().default(false),
    /** A neighbour's written consent (GRAM) is among the case's files; kept by the commands that add files. */
    neighbourConsentPresent: boolean('neighbour_consent_present').notNull().default(false),
    /** The applicant's completion arrived and no officer has opened the case since (the queue's flag). */
    completionUnread: boolean('completion_unread').notNull().default(false),
    /** The officer handling the case; null while it waits in the team's queue. */
    assignedTo: text('assigned_to'),
    assignedName: text('assigned_name'),
    /** The facts the statutory clock runs on (ClockFactsSchema); null for cases from before the clock was kept. */
    clock: jsonb('clock'),
    /** The open order to complete (CompletionRequestSchema), while the case awaits the applicant's answer. */
    completionRequest: jsonb('completion_request'),
    /** An officer's proposed decision waiting for a team lead (ProposalSchema): four eyes on deviations. */
    proposal: jsonb('proposal'),
    decisionConditions: jsonb('decision_conditions'),
    decidedByName: text('decided_by_name'),
    startApprovedAt: timestamp('start_approved_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The draft this case was submitted from: a draft becomes at most one case, however often it is sent. */
    draftId: uuid('draft_id'),
    /**
     * The applicant or an owner of the property has a protected identity: the case never appears in the public
     * register. Set on arrival, and again by the register itself when the population register's answer changes.
     */
    protectedParty: boolean('protected_party').notNull().default(false),
    /**
     * When a signatory applied for an organisation that owns the property (ApplicantOrganisationSchema): the
     * organisation is the applicant, `applicant_name` is its name, `applicant_personnummer` the signatory who sent it.
     */
    applicantOrganisation: jsonb('applicant_organisation'),
  },
  (t) => [
    uniqueIndex('cases_diary_number_idx').on(t.diaryNumber),
    uniqueIndex('cases_draft_idx').on(t.draftId),
    index('cases_team_deadline_idx').on(t.teamId, t.decisionDeadline),
    index('cases_applicant_idx').on(t.applicantPersonnummer),
    index('cases_assigned_idx').on(t.assignedTo, t.status),
    // The officer queue (repositories/cases.ts queueOfTeam) in its own order: a team's open cases first, the
    // soonest deadline first. The first page reads 25 index entries instead of sorting the whole team.
    index('cases_queue_idx').on(t.teamId, closedLast(t.status), t.decisionDeadline, t.receivedAt, t.diaryNumber),
    // The queue's other orders (queueOfTeam's queueOrder): each first page reads its 25 index entries. A
    // descending order walks the index backwards, except days left, where open cases stay first.
    index('cases_queue_deadline_desc_idx').on(
      t.teamId,
      closedLast(t.status),
      t.decisionDeadline.desc(),
      t.receivedAt.desc(),
      t.diaryNumber.desc(),
    ),
    index('cases_queue_received_idx').on(t.teamId, t.receivedAt, t.diaryNumber),
    index('cases_queue_designation_idx').on(t.teamId, t.propertyDesignation, t.diaryNumber),
    index('cases_queue_status_rank_idx').on(t.teamId, statusRank(t.status), t.decisionDeadline, t.diaryNumber),
    // The queue's flags, each a small partial index in the default order: a rare flag's first page reads only
    // flagged cases instead of walking the team's queue until 25 turn up.
    ...(
      [
        ['cases_flag_deviation_idx', t.deviation],
        ['cases_flag_consent_missing_idx', t.neighbourConsentMissing],
        ['cases_flag_consent_present_idx', t.neighbourConsentPresent],
        ['cases_flag_completion_unread_idx', t.completionUnread],
      ] as const
    ).map(([name, flag]) =>
      index(name)
        .on(t.teamId, closedLast(t.status), t.decisionDeadline, t.receivedAt, t.diaryNumber)
        .where(sql`${flag}`),
    ),
    // The public register's order (newest received first), over the cases it may list.
    index('cases_public_register_idx')
      .on(t.receivedAt.desc(), t.diaryNumber.desc())
      .where(sql`not ${t.protectedParty}`),
    // The allowance ledger's earlier notifications (repositories/permitFreeAnswers.ts): a property's
    // start-approved notification cases, read on every ledger and every judged drawing.
    index('cases_ledger_notifications_idx')
      .on(t.propertyId)
      .where(sql`${t.procedure} = 'notification' and ${t.outcome} = 'startApproval'`),
    // The queue's status filter and its count, and the least-loaded officer's open cases.
    index('cases_team_status_idx').on(t.teamId, t.status),
    // The queue's search (`ILIKE '%…%'` on diary number, designation or applicant name, see queueOfTeam):
    // trigram GIN, one column each, so the OR becomes a BitmapOr of three index scans instead of reading the
    // whole team. Needs the pg_trgm extension (migration 0010; PGlite loads it in db/database.ts).
    index('cases_search_trgm_idx').using(
      'gin',
      t.diaryNumber.op('gin_trgm_ops'),
      t.propertyDesignation.op('gin_trgm_ops'),
      t.applicantName.op('gin_trgm_ops'),
    ),
  ],
);

/**
 * How many cases each team has in each status, kept by triggers on `cases` in the database itself (migration
 * 0012), whoever writes the cases: the queue's total for a team, or a team and a status, is then a sum over a
 * handful of rows instead of a count over every case of the team (55 000 index entries ≈ 10 ms in PGlite, on
 * every queue request). Never written by the application.
 */
export const queueCounts = pgTable(
  'queue_counts',
  {
    teamId: text('team_id').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.status] })],
);

/** An officer's saved queue views (a name and the URL's parameters); only the officer who saved one sees it. */
export const queueViews = pgTable(
  'queue_views',
  {
    id: uuid('id').primaryKey(),
    officerPersonnummer: text('officer_personnummer').notNull(),
    name: text('name').notNull(),
    /** QueueViewParamsSchema. */
    params: jsonb('params').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // Saving under a name the officer already uses replaces that view.
  (t) => [uniqueIndex('queue_views_officer_name_idx').on(t.officerPersonnummer, t.name)],
);

/**
 * The board's meetings (byggnadsnämndens sammanträden), put in the calendar by a team lead. A case referred to
 * one carries it in its proposal (proposal.committee.meetingId); its agenda is read from the cases.
 */
export const committeeMeetings = pgTable('committee_meetings', {
  id: uuid('id').primaryKey(),
  meetingDate: date('meeting_date', { mode: 'string' }).notNull().unique(),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Messages to the applicant, shown in Mina ärenden: the receipt, orders to complete, decisions. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    /** Order of sending, also between messages of the same instant. */
    seq: serial('seq').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('messages_case_idx').on(t.caseId, t.seq)],
);

/**
 * Every message that should also reach the applicant by e-mail (when they gave an address). No SMTP is
 * configured here: messages are recorded, and a mailer would send what has no `sent_at`.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    /** The applicant's message this mail carries; null for mail to someone outside the case (a remiss). */
    messageId: uuid('message_id').references(() => messages.id),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Delivery attempts over SMTP so far (only when a mail server is configured). */
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due after a failure (backoff); null = due now. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** A sender that took this entry holds it until then, so two servers never send it twice at once. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** The mail server's answer to the last failed attempt (a reply code and text, no message content). */
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_unsent_idx')
      .on(t.nextAttemptAt)
      .where(sql`sent_at is null`),
  ],
);

/** Documents Lovisa issues on a case (the decision, a start approval): PDFs in the attachment store. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** `decision` or `startApproval`. */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.kind)],
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
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
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
 * Idempotency keys of submissions (`Idempotency-Key` on POST /api/applications): a browser that lost the answer
 * and sends again with the same key gets the first answer, and one BankID order is started, however many
 * copies arrive at once. The row is written before BankID is asked (the primary key decides who asks); it gets
 * the order when BankID answers, and is removed again if BankID or the check refuses, so a retry may try anew.
 */
export const submissionKeys = pgTable(
  'submission_keys',
  {
    personnummer: text('personnummer').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the application sent with the key: the same key with another application is refused. */
    requestHash: text('request_hash').notNull(),
    orderRef: text('order_ref'),
    autoStartToken: text('auto_start_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personnummer, t.key] }), index('submission_keys_created_idx').on(t.createdAt)],
);

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
    /**
     * For a file sent in answer to an order to complete: the order's `issuedAt`, which names the answer (a case may
     * be asked to complete more than once). Null for the files that came with the application.
     */
    answersOrderOf: timestamp('answers_order_of', { withTimezone: true }),
  },
  (t) => [
    index('attachments_draft_idx').on(t.draftId),
    index('attachments_case_idx').on(t.caseId),
    // A slot without a neighbour would otherwise be one slot per made-up neighbour id.
    check('attachments_neighbour_only_gram', sql`${t.neighbourPropertyId} is null or ${t.type} = 'GRAM'`),
    // One file per drawing type and per neighbour's consent, whoever writes and however many at once (services/
    // uploads.ts replaces under a row lock; this is what makes a missed lock an error instead of a second file).
    // The null neighbour is folded to one value because NULLs never collide in a unique index.
    uniqueIndex('attachments_draft_slot_idx')
      .on(t.draftId, t.type, sql`coalesce(${t.neighbourPropertyId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.draftId} is not null and ${t.type} <> 'OVR'`),
    uniqueIndex('attachments_answer_slot_idx')
      .on(
        t.caseId,
        t.answersOrderOf,
        t.type,
        sql`coalesce(${t.neighbourPropertyId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.answersOrderOf} is not null and ${t.type} <> 'OVR'`),
  ],
);

/**
 * The built-in BankID simulator's order book (packages/bankid's SimOrderStore). A real BankID outlives Lovisa's
 * restarts, so the simulator's orders do too, and instances on one PostgreSQL act as one BankID. Demo data:
 * pending orders live minutes, finished ones as long again, then the simulator sweeps them away.
 */
export const bankidSimOrders = pgTable(
  'bankid_sim_orders',
  {
    orderRef: text('order_ref').primaryKey(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    endUserIp: text('end_user_ip').notNull(),
    /** requirement.personalNumber, in a column of its own for the one-pending-order-per-person index. */
    personalNumber: text('personal_number'),
    requirement: jsonb('requirement').notNull(),
    userVisibleData: text('user_visible_data'),
    userNonVisibleData: text('user_non_visible_data'),
    autoStartToken: text('auto_start_token').notNull(),
    qrStartToken: text('qr_start_token').notNull(),
    qrStartSecret: text('qr_start_secret').notNull(),
    openedBy: text('opened_by'),
    status: text('status').notNull(),
    hintCode: text('hint_code'),
    completionData: jsonb('completion_data'),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    /** Breaks ties between orders created in the same millisecond (newest first). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    // As at BankID: one pending order per person, between every instance sharing the database.
    uniqueIndex('bankid_sim_orders_one_pending_per_person')
      .on(t.personalNumber)
      .where(sql`status = 'pending'`),
    index('bankid_sim_orders_pending_idx')
      .on(t.endUserIp, t.expiresAt)
      .where(sql`status = 'pending'`),
    index('bankid_sim_orders_auto_start_idx').on(t.autoStartToken),
    index('bankid_sim_orders_qr_start_idx').on(t.qrStartToken),
    index('bankid_sim_orders_ended_idx').on(t.endedAt),
  ],
);

// ── Notice and legal force (issue #19): announcements (kungörelser) and deliveries of decisions ─────────────────

/**
 * A decision's kungörelse. Public on the anslagstavla while `up_until` has not passed (filtered by date, never
 * deleted). Holds only what the notice shows: no names, no personnummer.
 */
export const decisionAnnouncements = pgTable(
  'decision_announcements',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id),
    /** `anslagstavla` or `postOchInrikesTidningar`: the rule set's channel on the day. */
    channel: text('channel').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    upUntil: date('up_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Breaks ties between announcements of the same day (newest first) for stable pages. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('decision_announcements_current_idx').on(t.channel, t.upUntil, t.publishedOn)],
);

/** Who was sent a decision, how, and the day they received it (officer-recorded for a service by post). */
export const decisionDeliveries = pgTable(
  'decision_deliveries',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** `applicant` or `sakagare`. */
    party: text('party').notNull(),
    personnummer: text('personnummer').notNull(),
    /** Null for a protected identity. */
    name: text('name'),
    propertyDesignation: text('property_designation'),
    /** `service` (delgivning, 9 kap. 41 §) or `notice` (letter of the announcement, 41 b §). */
    purpose: text('purpose').notNull(),
    /** `email`, `post`, `forwarding`, `delgivning`. */
    method: text('method').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('decision_deliveries_case_idx').on(t.caseId)],
);
// ---------------------------------------------------------------------------------------------------------------
// Neighbour consent with BankID, bound to the drawing (issue #19). Invitations, answers and sign orders.
// ---------------------------------------------------------------------------------------------------------------

/**
 * An applicant's invitation to the owners of one neighbouring property to consent to a draft's drawing. The code
 * the neighbour opens it with is random (≥ 128 bits); only its SHA-256 is stored.
 */
export const consentInvitations = pgTable(
  'consent_invitations',
  {
    id: uuid('id').primaryKey(),
    draftId: uuid('draft_id').notNull(),
    applicantPersonnummer: text('applicant_personnummer').notNull(),
    applicantName: text('applicant_name').notNull(),
    sitePropertyId: uuid('site_property_id').notNull(),
    neighbourPropertyId: uuid('neighbour_property_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('consent_invitations_code_idx').on(t.codeHash),
    index('consent_invitations_draft_idx').on(t.draftId),
  ],
);

/**
 * One owner's answer: a consent signed with BankID (the signature covers the canonical subject, whose SHA-256 is
 * kept beside it) or a refusal with a reason. One answer per owner and invitation; a new answer replaces it.
 */
export const consentAnswers = pgTable(
  'consent_answers',
  {
    id: uuid('id').primaryKey(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => consentInvitations.id),
    personnummer: text('personnummer').notNull(),
    answer: text('answer').notNull(),
    reason: text('reason'),
    subject: jsonb('subject'),
    subjectHash: text('subject_hash'),
    signature: text('signature'),
    ocspResponse: text('ocsp_response'),
    bankIdIssueDate: text('bankid_issue_date'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('consent_answers_owner_idx').on(t.invitationId, t.personnummer),
    check('consent_answers_kind', sql`${t.answer} in ('consented', 'declined')`),
  ],
);

/** What every BankID sign order in progress keeps besides its own: the QR's token and secret, and when it began. */
function bankIdOrderColumns() {
  return {
    qrStartToken: text('qr_start_token').notNull(),
    qrStartSecret: text('qr_start_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  };
}

/** A neighbour's BankID sign order in progress: what they are shown is fixed here, and compared on completion. */
export const consentSignOrders = pgTable('consent_sign_orders', {
  orderRef: text('order_ref').primaryKey(),
  invitationId: uuid('invitation_id').notNull(),
  personnummer: text('personnummer').notNull(),
  subject: jsonb('subject').notNull(),
  subjectHash: text('subject_hash').notNull(),
  ...bankIdOrderColumns(),
});
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────
// The neighbour hearing (grannhörande, PBL 9 kap. 25 §): issue #19, "hearing run by the officer".
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A case's neighbour hearing, as the domain keeps it (case/hearing.ts HearingSchema: parties, answers); written
 * only by a case command, in the same transaction as the case's version. One per case: a new one replaces a
 * closed one (the events keep the old one's course). `reply_by` and `closed_on` are columns for the queue.
 */
export const caseHearings = pgTable('case_hearings', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  replyBy: date('reply_by', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  state: jsonb('state').notNull(),
});

/**
 * The underrättelse sent to one party: the PDF (in the attachment store) and the SHA-256 of the random code
 * printed in it, which the neighbour types after logging in. The code itself is never stored.
 */
export const hearingLetters = pgTable(
  'hearing_letters',
  {
    codeHash: text('code_hash').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id').notNull(),
    /** `post` to the registered address, or `forwarding` through the population register (protected identity). */
    delivery: text('delivery').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [uniqueIndex('hearing_letters_party_idx').on(t.caseId, t.partyId)],
);

/**
 * What follows a case's decision (issue #21): tekniskt samråd, kontrollplan, startbesked, building, slutbesked, as
 * the domain keeps it (afterPermit/state.ts). Written only by an after-permit command, in the same transaction as
 * the case's version. `kontrollansvarig` is fixed when the record is made: the decision's terms, not today's rules.
 * `reminders_sent` holds the keys of the validity reminders already sent (jobs/validityReminders.ts).
 */
export const caseAfterPermit = pgTable('case_after_permit', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  kontrollansvarig: boolean('kontrollansvarig').notNull(),
  state: jsonb('state').notNull(),
  /** The queue phase the state is at (the domain's queuePhaseOf), kept beside it for the queue's phase tabs. */
  phase: text('phase'),
  remindersSent: jsonb('reminders_sent')
    .notNull()
    .default(sql`'[]'::jsonb`),
  /**
   * The first day the reminder job need look at the case again (the domain's nextReminderDay); null until the job
   * has looked, and again whenever the state changes. Never later than a reminder falls due.
   */
  nextReminderOn: date('next_reminder_on', { mode: 'string' }),
});

// Remisser (issue #22): the case sent to a body for its view, answered through a link of its own.
export const caseConsultations = pgTable(
  'case_consultations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    consultee: text('consultee').notNull(),
    email: text('email').notNull(),
    question: text('question').notNull(),
    replyBy: date('reply_by', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: text('sent_by').notNull(),
    /** SHA-256 of the link's secret: the link itself is only in the mail (and shown once to the officer). */
    tokenHash: text('token_hash').notNull(),
    answerKind: text('answer_kind'),
    answerText: text('answer_text'),
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('case_consultations_token_idx').on(t.tokenHash),
    index('case_consultations_case_idx').on(t.caseId, t.sentAt),
  ],
);

// ───────────────────────────────────────────────────────────────────────────────────────────────────────────
// Who applies (issue #20): the parties who sign a case's submission, and their BankID sign orders.
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A person who must sign (or has signed) a case's submission: the applicant, each co-owner, later an agent or a
 * company signatory. Every signature binds `submission_hash` (SHA-256 of the submission as received, ADR 0019).
 * A co-owner's signing link is random; only its SHA-256 is kept, and a new link replaces the old.
 */
export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personnummer: text('personnummer').notNull(),
    /** Null for a protected identity: never shown. */
    name: text('name'),
    role: text('role').notNull(),
    /** The owner this party's signature counts for: their own personnummer, a principal's, or an organisation's number. */
    ownerKey: text('owner_key').notNull(),
    submissionHash: text('submission_hash').notNull(),
    state: text('state').notNull(),
    signature: text('signature'),
    ocspResponse: text('ocsp_response'),
    bankIdIssueDate: text('bankid_issue_date'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    codeHash: text('code_hash'),
    codeCreatedAt: timestamp('code_created_at', { withTimezone: true }),
    paperRecordedBy: text('paper_recorded_by'),
    paperReceivedOn: date('paper_received_on', { mode: 'string' }),
    /** An agent's power of attorney (ADR 0023): the agent acts on the case only while it holds. */
    powerId: uuid('power_id').references(() => powersOfAttorney.id),
    /** For a signatory of an owning organisation: its firmateckning (SigningRuleSchema) on the day of receipt. */
    signingRule: jsonb('signing_rule'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_parties_person_idx').on(t.caseId, t.personnummer),
    uniqueIndex('case_parties_code_idx').on(t.codeHash),
    index('case_parties_personnummer_idx').on(t.personnummer),
    check('case_parties_state', sql`${t.state} in ('invited', 'signed', 'paper')`),
    check('case_parties_role', sql`${t.role} in ('applicant', 'coOwner', 'agent', 'signatory')`),
  ],
);

/** A completed BankID signature as evidence: the signature, its OCSP response, the card's issue date, and when. */
const bankIdSignatureColumns = () => ({
  signature: text('signature').notNull(),
  ocspResponse: text('ocsp_response').notNull(),
  bankIdIssueDate: text('bankid_issue_date'),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
});

/**
 * A power of attorney (fullmakt, ADR 0023): the owner (principal) lets the agent apply and answer orders to
 * complete for one property or one case, until a day, signed by the owner with BankID over the power's hash.
 * Revocation sets `revoked_at` and holds at once; nothing is deleted.
 */
export const powersOfAttorney = pgTable(
  'powers_of_attorney',
  {
    id: uuid('id').primaryKey(),
    principal: text('principal').notNull(),
    /** Names from the population register when signed; null for a protected identity. */
    principalName: text('principal_name'),
    agent: text('agent').notNull(),
    agentName: text('agent_name'),
    scopeKind: text('scope_kind').notNull(),
    propertyId: uuid('property_id'),
    caseId: uuid('case_id').references(() => cases.id),
    /** Property designation or diary number, as the owner saw it when signing. */
    scopeLabel: text('scope_label').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    powerHash: text('power_hash').notNull(),
    ...bankIdSignatureColumns(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('powers_of_attorney_principal_idx').on(t.principal),
    index('powers_of_attorney_agent_idx').on(t.agent),
    check('powers_of_attorney_scope', sql`${t.scopeKind} in ('property', 'case')`),
    check(
      'powers_of_attorney_scope_id',
      sql`(${t.scopeKind} = 'property' and ${t.propertyId} is not null) or (${t.scopeKind} = 'case' and ${t.caseId} is not null)`,
    ),
  ],
);

/** The owner's BankID sign order for a power of attorney: the power as shown (and its hash) waits here. */
export const powerSignOrders = pgTable('power_sign_orders', {
  orderRef: text('order_ref').primaryKey(),
  personnummer: text('personnummer').notNull(),
  /** The power as shown to the owner (PowerOfAttorney without revokedAt, plus the names and label). */
  power: jsonb('power').notNull(),
  powerHash: text('power_hash').notNull(),
  ...bankIdOrderColumns(),
});

/** A party's BankID sign order in progress: the hash they were shown is fixed here and compared on completion. */
export const partySignOrders = pgTable('party_sign_orders', {
  orderRef: text('order_ref').primaryKey(),
  partyId: uuid('party_id')
    .notNull()
    .references(() => caseParties.id),
  personnummer: text('personnummer').notNull(),
  submissionHash: text('submission_hash').notNull(),
  ...bankIdOrderColumns(),
});
/**
 * The allowance ledger's own entries (issue #23): a "no permit needed" answer an owner saved for a property, one
 * row per building, with the rule set, the drawing and the answers, so the plot's shared allowance is kept track
 * of and the owner has evidence if supervision asks later.
 */
export const permitFreeAnswers = pgTable(
  'permit_free_answers',
  {
    id: uuid('id').primaryKey(),
    /** The buildings of one answer share it. */
    answerId: uuid('answer_id').notNull(),
    propertyId: uuid('property_id').notNull(),
    savedBy: text('saved_by').notNull(),
    source: text('source').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    measure: text('measure').notNull(),
    legalBasis: text('legal_basis').notNull(),
    footprint: jsonb('footprint').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    /** What was asked and answered: the measure, the ridge height, the outcome and its reasons by code. */
    answers: jsonb('answers').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('permit_free_answers_property').on(t.propertyId, t.createdAt)],
);

/**
 * A "no permit needed" answer an owner saved for a measure beyond buildings (a plank, an altan, solar panels;
 * issue #23): one row per answer, with the rule set, the answers given, the drawing if one was made and the
 * verdict. Not on the allowance ledger (these measures take no part of it); signed as the building answers are.
 */
export const permitFreeMeasureAnswers = pgTable(
  'permit_free_measure_answers',
  {
    answerId: uuid('answer_id').primaryKey(),
    propertyId: uuid('property_id').notNull(),
    savedBy: text('saved_by').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    measure: text('measure').notNull(),
    /** The plank's line or the altan's area (EPSG:3006), or null when the answers were typed. */
    drawing: jsonb('drawing'),
    /** The facts judged (typed, and measured from the drawing), the outcome, its reasons and conditions by code. */
    answers: jsonb('answers').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('permit_free_measure_answers_property').on(t.propertyId, t.createdAt)],
);

/**
 * The owner's BankID signature of a saved "no permit needed" answer (issue #23): one per answer (the primary key
 * refuses a second), with the SHA-256 of the canonical answer it covered (rule set, drawing, answers, verdict),
 * who signed and when, and BankID's signature and OCSP response as evidence.
 */
export const permitFreeAnswerSignatures = pgTable('permit_free_answer_signatures', {
  answerId: uuid('answer_id').primaryKey(),
  propertyId: uuid('property_id').notNull(),
  personnummer: text('personnummer').notNull(),
  signerName: text('signer_name').notNull(),
  answerHash: text('answer_hash').notNull(),
  ...bankIdSignatureColumns(),
});

/** An owner's BankID sign order of a saved answer in progress: the hash shown is fixed here and compared after. */
export const permitFreeAnswerSignOrders = pgTable('permit_free_answer_sign_orders', {
  orderRef: text('order_ref').primaryKey(),
  answerId: uuid('answer_id').notNull(),
  personnummer: text('personnummer').notNull(),
  answerHash: text('answer_hash').notNull(),
  ...bankIdOrderColumns(),
});
