import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  hearingOpenFor,
  hearingRunning,
  isOpen,
  stockholmDate,
  type ApplicationSubmission,
  type CaseStatus,
  type Hearing,
  type HearingOnlineAnswerInput,
  type HearingParty,
  type NeighbourHearingView,
} from '@lovisa/domain';
import { appError, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseRow, type CaseRow } from '../repositories/cases';
import { hearingOf, letterByCodeHash } from '../repositories/hearings';
import { assessmentOf, caseProblemError, runCaseCommand } from './caseCommands';
import { deviationTexts, letterCodeHash } from './hearing';
import { applicationFiles, sendApplicationFile } from './applicationFiles';

interface Opened {
  row: CaseRow;
  hearing: Hearing;
  party: HearingParty;
}

/**
 * The hearing a letter's code opens, for the signed-in person only: they must be the party the letter went to,
 * still a registered owner of that property (the land register), and listed in the case's current hearing.
 * An unknown code answers 404; someone else's letter 403 (the code is a secret, the refusal says no more).
 */
export async function openHearing(app: FastifyInstance, user: SessionUser, code: string): Promise<Opened> {
  const letter = await letterByCodeHash(app.db, letterCodeHash(code));
  const row = letter && (await caseRow(app.db, letter.caseId));
  const hearing = row && (await hearingOf(app.db, row.id));
  const party = hearing?.parties.find((p) => p.id === letter!.partyId);
  if (!letter || !row || !hearing || !party) throw notFound('resource');
  const owners = await app.registers.land.ownersOf(party.propertyId);
  if (party.personnummer !== user.personnummer || !owners.some((o) => o.personnummer === user.personnummer))
    throw caseProblemError({ code: 'HEARING_NOT_A_PARTY' });
  return { row, hearing, party };
}

/** What the neighbour sees: the application, the drawing, the deviations, the documents, the reply-by day. */
export async function neighbourHearingView(app: FastifyInstance, o: Opened): Promise<NeighbourHearingView> {
  const application = o.row.application as ApplicationSubmission;
  const today = stockholmDate(app.clock());
  const [assessment, site, files] = await Promise.all([
    assessmentOf(app.db, o.row.id),
    app.registers.land.propertyById(o.row.propertyId),
    applicationFiles(app.db, o.row.id),
  ]);
  const caseOpen = isOpen(o.row.status as CaseStatus);
  // The drawing and the application's files are shown while the hearing runs; afterwards the party keeps what
  // the letter said (measure, deviations) and their own answer.
  const running = hearingRunning(o.hearing) && caseOpen;
  return {
    diaryNumber: o.row.diaryNumber,
    propertyDesignation: o.row.propertyDesignation,
    yourProperty: o.party.designation,
    measureDescription: application.details.description,
    applicantName: o.row.applicantName,
    replyBy: o.hearing.replyBy,
    running,
    mayAnswer: caseOpen && hearingOpenFor(o.hearing, 'online', today),
    deviations: deviationTexts(assessment),
    footprints: running ? application.footprints : [],
    siteBoundary: running ? (site?.boundary ?? null) : null,
    documents: running ? files.map((f) => ({ id: f.id, type: f.type, fileName: f.fileName })) : [],
    answer: o.party.answer,
  };
}

/** The neighbour's own answer, online: the case command decides whether it is still in time. */
export async function answerOnline(
  app: FastifyInstance,
  user: SessionUser,
  o: Opened,
  input: HearingOnlineAnswerInput,
): Promise<void> {
  await runCaseCommand(
    app,
    o.row,
    {
      type: 'recordHearingAnswer',
      version: o.row.version,
      partyId: o.party.id,
      kind: input.kind,
      text: input.text ?? null,
      channel: 'online',
      receivedOn: null,
    },
    { role: 'neighbour', personnummer: user.personnummer, name: user.name },
  );
}

/** One of the application's documents, for the neighbour who opened the hearing. */
export async function sendHearingDocument(app: FastifyInstance, reply: FastifyReply, o: Opened, fileId: string) {
  if (!hearingRunning(o.hearing) || !isOpen(o.row.status as CaseStatus))
    throw appError('gone', 'hearing.documentsAfterClose');
  return sendApplicationFile(app, reply, o.row.id, fileId);
}
