import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  consultationReminderDue,
  isOpen,
  measureLabels,
  stockholmDate,
  swedishDate,
  type ApplicationSubmission,
  type CaseStatus,
  type ConsultationAnswerInput,
  type ConsultationInput,
  type ConsulteeView,
  type MeasureType,
} from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { outbox } from '../db/schema';
import { appError, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseRow, type CaseRow } from '../repositories/cases';
import {
  consultationByTokenHash,
  insertConsultation,
  markReminded,
  storeConsultationAnswer,
  unansweredConsultations,
  type ConsultationRow,
} from '../repositories/consultations';
import { runCaseCommand } from './caseCommands';
import { applicationFiles, sendApplicationFile } from './applicationFiles';
import { sha256 } from './consent';
import { officerActor } from './officerCase';

/** 24 random bytes (192 bits), URL-safe: the link is the remiss body's key, so it must be unguessable. */
const newToken = () => randomBytes(24).toString('base64url');

function linkOf(app: FastifyInstance, token: string): string {
  return `${app.config.publicUrl ?? ''}/remiss/${token}`;
}

function measureWords(row: CaseRow): string {
  const label = measureLabels[row.measure as MeasureType].sv;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The e-mail a remiss body gets: what is asked, by when, and its link. It names no private person. */
function consultationMail(app: FastifyInstance, row: CaseRow, c: Omit<ConsultationRow, 'tokenHash'>, link: string) {
  const board = app.config.municipality.board;
  return {
    subject: `Remiss från ${app.config.municipality.name}: ärende ${row.diaryNumber}`,
    body: [
      `${board} ber om ert yttrande i ärende ${row.diaryNumber}: ${measureWords(row)} på fastigheten ${row.propertyDesignation}.`,
      `Fråga: ${c.question}`,
      `Svara senast ${swedishDate(c.replyBy)} via länken nedan. Där finns ansökan och ritningarna. Länken gäller bara er remiss: sprid den inte.`,
      link,
      `Med vänlig hälsning\n${c.sentBy}, ${board.toLowerCase()}, ${app.config.municipality.name}`,
    ].join('\n\n'),
  };
}

const mailTo = (tx: Db | Tx, recipient: string, mail: { subject: string; body: string }, at: Date) =>
  tx.insert(outbox).values({ id: randomUUID(), messageId: null, recipient, ...mail, createdAt: at });

/**
 * Sends a remiss: the domain decides (the case open, the reply-by a coming working day), the remiss is kept with
 * the hash of its link, and the e-mail leaves through the outbox, all in one transaction. The link is returned
 * once, so the officer may also pass it on another way.
 */
export async function sendConsultation(
  app: FastifyInstance,
  user: SessionUser,
  row: CaseRow,
  input: ConsultationInput,
): Promise<{ row: CaseRow; link: string }> {
  const actor = await officerActor(app, user);
  const token = newToken();
  const at = app.clock();
  const consultation = {
    id: randomUUID(),
    caseId: row.id,
    consultee: input.consultee,
    email: input.email,
    question: input.question,
    replyBy: input.replyBy,
    sentAt: at,
    sentBy: actor.name,
    answerKind: null,
    answerText: null,
    answeredBy: null,
    answeredAt: null,
    remindedAt: null,
  };
  const link = linkOf(app, token);
  return app.db.transaction(async (tx) => {
    const changed = await runCaseCommand(
      app,
      row,
      {
        type: 'sendConsultation',
        version: input.version,
        consultationId: consultation.id,
        consultee: input.consultee,
        replyBy: input.replyBy,
      },
      actor,
      tx,
    );
    await insertConsultation(tx, { ...consultation, tokenHash: sha256(token) });
    await mailTo(tx, input.email, consultationMail(app, row, consultation, link), at);
    return { row: changed, link };
  });
}

interface Opened {
  consultation: ConsultationRow;
  row: CaseRow;
}

/** The remiss a link opens; an unknown link answers as a missing page. */
export async function openConsultation(app: FastifyInstance, token: string): Promise<Opened> {
  const consultation = await consultationByTokenHash(app.db, sha256(token));
  const row = consultation && (await caseRow(app.db, consultation.caseId));
  if (!consultation || !row) throw notFound('resource');
  return { consultation, row };
}

export async function consulteeView(app: FastifyInstance, o: Opened): Promise<ConsulteeView> {
  const application = o.row.application as ApplicationSubmission;
  const files = await applicationFiles(app.db, o.row.id);
  const c = o.consultation;
  return {
    consultee: c.consultee,
    diaryNumber: o.row.diaryNumber,
    propertyDesignation: o.row.propertyDesignation,
    measure: measureLabels[o.row.measure as MeasureType],
    description: application.details.description,
    question: c.question,
    replyBy: c.replyBy,
    sentBy: c.sentBy,
    documents: files.map((f) => ({ id: f.id, type: f.type, fileName: f.fileName })),
    answer:
      c.answeredAt && c.answerKind
        ? {
            kind: c.answerKind as 'noObjection' | 'comments',
            text: c.answerText,
            answeredBy: c.answeredBy ?? '',
            answeredAt: c.answeredAt.toISOString(),
          }
        : null,
    mayAnswer: !c.answeredAt && isOpen(o.row.status as CaseStatus),
  };
}

/** The body's answer: the domain decides whether it may still be given; stored once, with the case's event. */
export async function answerConsultation(app: FastifyInstance, o: Opened, input: ConsultationAnswerInput) {
  const at = app.clock();
  await app.db.transaction(async (tx) => {
    await runCaseCommand(
      app,
      o.row,
      {
        type: 'recordConsultationAnswer',
        version: o.row.version,
        consultationId: o.consultation.id,
        consultee: o.consultation.consultee,
        kind: input.kind,
        answered: o.consultation.answeredAt !== null,
      },
      { role: 'consultee', personnummer: null, name: o.consultation.consultee },
      tx,
    );
    if (!(await storeConsultationAnswer(tx, o.consultation.id, input, at)))
      throw appError('conflict', 'case.problem.CONSULTATION_ANSWERED');
  });
}

/** One of the application's files, for the remiss body, as a download. */
export const sendConsultationDocument = (app: FastifyInstance, reply: FastifyReply, o: Opened, fileId: string) =>
  sendApplicationFile(app, reply, o.row.id, fileId);

/**
 * Reminders to remiss bodies that have not answered, two days before the reply-by day (once). The link is not
 * in the reminder: only its hash is kept, so the reminder points to the first e-mail.
 */
export async function sendConsultationReminders(app: FastifyInstance): Promise<number> {
  const now = app.clock();
  const today = stockholmDate(now);
  let sent = 0;
  for (const c of await unansweredConsultations(app.db)) {
    if (!consultationReminderDue({ replyBy: c.replyBy, answered: false, reminded: false }, today)) continue;
    const row = await caseRow(app.db, c.caseId);
    if (!row || !isOpen(row.status as CaseStatus)) continue;
    await app.db.transaction(async (tx) => {
      await markReminded(tx, c.id, now);
      await mailTo(
        tx,
        c.email,
        {
          subject: `Påminnelse: remiss i ärende ${row.diaryNumber}`,
          body: [
            `Vi har ännu inte fått ert yttrande i ärende ${row.diaryNumber} (${row.propertyDesignation}). Svara senast ${swedishDate(c.replyBy)} via länken i vårt första e-postmeddelande (${swedishDate(stockholmDate(c.sentAt))}).`,
            `Med vänlig hälsning\n${c.sentBy}, ${app.config.municipality.board.toLowerCase()}, ${app.config.municipality.name}`,
          ].join('\n\n'),
        },
        now,
      );
    });
    sent++;
  }
  return sent;
}
