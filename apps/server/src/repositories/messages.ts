import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { caseMailText, type CaseMessage, type MessageText, type OutboxEntry } from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { cases, messages, outbox } from '../db/schema';
import { outboxStatus } from '../notifications/outboxDelivery';
import { followedBy } from './parties';

type MessageRow = typeof messages.$inferSelect;

export const toMessage = (m: MessageRow, diaryNumber: string): CaseMessage => ({
  id: m.id,
  caseId: m.caseId,
  diaryNumber,
  kind: m.kind as CaseMessage['kind'],
  subject: m.subject,
  body: m.body,
  createdAt: m.createdAt.toISOString(),
});

/** The e-mail address the applicant gave in the application, if any. */
function emailOf(application: unknown): string | null {
  const email = (application as { details?: { email?: unknown } } | null)?.details?.email;
  return typeof email === 'string' && email.trim() ? email.trim() : null;
}

/**
 * A message to the applicant: in Mina ärenden always, and in the outbox when they gave an e-mail address.
 * Runs inside the transaction of the change it tells about, so neither exists without the other.
 */
export async function sendToApplicant(
  tx: Tx | Db,
  row: { id: string; application: unknown },
  text: MessageText,
  at: Date,
): Promise<void> {
  const id = randomUUID();
  await tx
    .insert(messages)
    .values({ id, caseId: row.id, kind: text.kind, subject: text.subject, body: text.body, createdAt: at });
  const to = emailOf(row.application);
  if (to)
    await tx.insert(outbox).values({
      id: randomUUID(),
      messageId: id,
      recipient: to,
      subject: text.subject,
      body: text.body,
      createdAt: at,
    });
}

/** The signed-in applicant's inbox: every message on every case of theirs, newest first. */
export async function messagesOfApplicant(
  db: Db,
  personnummer: string,
  agentOf: string[] = [],
): Promise<CaseMessage[]> {
  const rows = await db
    .select({ m: messages, diaryNumber: cases.diaryNumber })
    .from(messages)
    .innerJoin(cases, eq(cases.id, messages.caseId))
    // A co-owner receives the case's messages, the decision among them (issue #20); an agent, while the power
    // of attorney holds (`agentOf`, ADR 0023).
    .where(followedBy(db, personnummer, agentOf))
    .orderBy(desc(messages.seq));
  return rows.map((r) => toMessage(r.m, r.diaryNumber));
}

/** Whose e-mail a demo mailbox shows: an applicant's own cases, or an officer's team's. */
export type OutboxViewer = { applicant: string } | { team: string };

/**
 * The outbox of the viewer's cases, newest first, with each entry's delivery state (`delivering`: a mail server
 * is configured) and the text as it is sent (with the link to the case, `publicUrl`).
 */
export async function outboxEntries(
  db: Db,
  viewer: OutboxViewer,
  opts: { delivering: boolean; publicUrl: string | null },
  limit = 200,
): Promise<OutboxEntry[]> {
  const rows = await db
    .select({ r: outbox, caseId: messages.caseId })
    .from(outbox)
    .innerJoin(messages, eq(messages.id, outbox.messageId))
    .innerJoin(cases, eq(cases.id, messages.caseId))
    .where('applicant' in viewer ? eq(cases.applicantPersonnummer, viewer.applicant) : eq(cases.teamId, viewer.team))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map(({ r, caseId }) => ({
    id: r.id,
    to: r.recipient,
    subject: r.subject,
    body: caseMailText(r.body, caseId, opts.publicUrl),
    createdAt: r.createdAt.toISOString(),
    status: outboxStatus(r, opts.delivering),
    attempts: r.attempts,
    lastError: r.lastError,
  }));
}
