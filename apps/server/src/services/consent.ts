import { personOwners } from '@lovisa/registry';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  CONSENT_INVITATION_DAYS,
  ConsentSubjectSchema,
  DraftDataSchema,
  consentDocument,
  consentSignText,
  consentStatus,
  consentSubject,
  propertyConsented,
  stockholmDate,
  type ApplicationSubmission,
  type ConsentInvitation,
  type ConsentRequestView,
  type ConsentSubject,
  type DraftData,
  type Property,
} from '@lovisa/domain';
import { attachments, consentAnswers, consentInvitations, drafts } from '../db/schema';
import { letterhead } from '../decision/issue';
import { renderDecision } from '../decision/renderDecision';
import { appError, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { draftOfOwner } from '../repositories/attachments';
import { assertConsentFromNeighbour } from './uploads';

type InvitationRow = typeof consentInvitations.$inferSelect;
type AnswerRow = typeof consentAnswers.$inferSelect;

const DAY_MS = 24 * 3600_000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** 24 random bytes (192 bits), URL-safe: unguessable, short enough to type from a letter. */
const newCode = () => randomBytes(24).toString('base64url');

/** The drawing as the consent reads it, for one neighbour; null while there is nothing to consent to. */
export function subjectOf(
  data: Pick<DraftData, 'measure' | 'footprints' | 'details'> | ApplicationSubmission,
  neighbour: Property,
): ConsentSubject | null {
  const footprints = (data.footprints ?? []).map((f) => f.geometry);
  if (!data.measure || footprints.length === 0) return null;
  return consentSubject({
    measure: data.measure,
    footprints,
    ridgeHeightM: data.details?.ridgeHeightM,
    neighbourBoundary: neighbour.boundary,
  });
}

async function ownDraftData(app: FastifyInstance, user: SessionUser, draftId: string) {
  const row = await draftOfOwner(app.db, draftId, user.personnummer);
  if (!row) throw notFound('draft');
  const parsed = DraftDataSchema.safeParse(row.data);
  return parsed.success ? parsed.data : ({} as DraftData);
}

const answersOf = (app: FastifyInstance, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([] as AnswerRow[])
    : app.db.select().from(consentAnswers).where(inArray(consentAnswers.invitationId, ids));

/** The invitation as the applicant sees it: each registered owner, by name unless protected, and their answer. */
async function invitationView(
  app: FastifyInstance,
  row: InvitationRow,
  answers: AnswerRow[],
): Promise<ConsentInvitation> {
  const [property, owners] = await Promise.all([
    app.registers.land.propertyById(row.neighbourPropertyId),
    app.registers.land.ownersOf(row.neighbourPropertyId).then(personOwners),
  ]);
  const people = await Promise.all(owners.map((o) => app.registers.population.personByPersonnummer(o.personnummer)));
  return {
    id: row.id,
    neighbourPropertyId: row.neighbourPropertyId,
    designation: property?.designation ?? '',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    owners: owners.map((o, i) => {
      const person = people[i];
      const a = answers.find((x) => x.invitationId === row.id && x.personnummer === o.personnummer);
      return {
        // A protected identity is never named (nor addressed): the page says "Skyddad identitet".
        name: person && !person.protectedIdentity ? `${person.givenName} ${person.surname}` : null,
        state: (a?.answer as 'consented' | 'declined' | undefined) ?? 'invited',
        reason: a?.reason ?? null,
        answeredAt: a?.answeredAt.toISOString() ?? null,
        subject: a?.subject ? ConsentSubjectSchema.parse(a.subject) : null,
      };
    }),
  };
}

const liveInvitations = (app: FastifyInstance, draftId: string) =>
  app.db
    .select()
    .from(consentInvitations)
    .where(and(eq(consentInvitations.draftId, draftId), isNull(consentInvitations.withdrawnAt)))
    .orderBy(asc(consentInvitations.createdAt));

/**
 * The neighbouring properties whose every owner has a signed consent that still covers the draft's drawing: the
 * rules count them as consented, as they do an uploaded GRAM. With the answers, for the generated document.
 */
export async function validConsentsOf(
  app: FastifyInstance,
  draftId: string,
  data: Pick<DraftData, 'measure' | 'footprints' | 'details'> | ApplicationSubmission,
) {
  const rows = await liveInvitations(app, draftId);
  const answers = await answersOf(
    app,
    rows.map((r) => r.id),
  );
  const result: { invitation: InvitationRow; neighbour: Property; answers: AnswerRow[] }[] = [];
  for (const invitation of rows) {
    const neighbour = await app.registers.land.propertyById(invitation.neighbourPropertyId);
    const current = neighbour && subjectOf(data, neighbour);
    if (!neighbour || !current) continue;
    const owners = personOwners(await app.registers.land.ownersOf(neighbour.id)).map((o) => o.personnummer);
    const signed = answers.filter((a) => a.invitationId === invitation.id && a.answer === 'consented' && a.subject);
    const consents = signed.map((a) => ({
      personnummer: a.personnummer,
      subject: ConsentSubjectSchema.parse(a.subject),
    }));
    if (propertyConsented(owners, consents, current)) result.push({ invitation, neighbour, answers: signed });
  }
  return result;
}

/** The applicant's side: invite the owners of a neighbouring property, see their answers, withdraw. */
export function consentApplicantService(app: FastifyInstance) {
  async function invite(user: SessionUser, draftId: string, neighbourPropertyId: string) {
    const data = await ownDraftData(app, user, draftId);
    await assertConsentFromNeighbour(app.registers.land, data.propertyId, { type: 'GRAM', neighbourPropertyId });
    const neighbour = await app.registers.land.propertyById(neighbourPropertyId);
    if (!neighbour || !subjectOf(data, neighbour)) throw appError('invalidInput', 'consent.nothingDrawn');
    const code = newCode();
    const now = app.clock();
    // One live invitation per neighbour: a new letter replaces the old one, whose code stops working.
    await app.db
      .update(consentInvitations)
      .set({ withdrawnAt: now })
      .where(
        and(
          eq(consentInvitations.draftId, draftId),
          eq(consentInvitations.neighbourPropertyId, neighbourPropertyId),
          isNull(consentInvitations.withdrawnAt),
        ),
      );
    const [row] = await app.db
      .insert(consentInvitations)
      .values({
        id: crypto.randomUUID(),
        draftId,
        applicantPersonnummer: user.personnummer,
        applicantName: user.name,
        sitePropertyId: data.propertyId!,
        neighbourPropertyId,
        codeHash: sha256(code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + CONSENT_INVITATION_DAYS * DAY_MS),
      })
      .returning();
    return { invitation: await invitationView(app, row!, []), code, path: `/medgivande/${code}` };
  }

  async function list(user: SessionUser, draftId: string) {
    await ownDraftData(app, user, draftId);
    const rows = await liveInvitations(app, draftId);
    const answers = await answersOf(
      app,
      rows.map((r) => r.id),
    );
    return Promise.all(rows.map((r) => invitationView(app, r, answers)));
  }

  async function withdraw(user: SessionUser, draftId: string, invitationId: string) {
    await ownDraftData(app, user, draftId);
    const done = await app.db
      .update(consentInvitations)
      .set({ withdrawnAt: app.clock() })
      .where(
        and(
          eq(consentInvitations.id, invitationId),
          eq(consentInvitations.draftId, draftId),
          isNull(consentInvitations.withdrawnAt),
        ),
      )
      .returning({ id: consentInvitations.id });
    if (done.length === 0) throw appError('notFound', 'consent.notFound');
  }

  return { invite, list, withdraw };
}

/**
 * An invitation the logged-in person may answer: the code is live (not withdrawn, not expired, the draft not yet
 * sent) and they are a registered owner of the invited property. Everything else they may not see.
 */
export async function openInvitation(app: FastifyInstance, user: SessionUser, code: string) {
  const [row] = await app.db
    .select()
    .from(consentInvitations)
    .where(eq(consentInvitations.codeHash, sha256(code)));
  if (!row) throw appError('notFound', 'consent.notFound');
  if (row.withdrawnAt) throw appError('gone', 'consent.withdrawn');
  if (row.expiresAt.getTime() <= app.clock().getTime()) throw appError('gone', 'consent.expired');
  const owners = await app.registers.land.ownersOf(row.neighbourPropertyId);
  if (!owners.some((o) => o.personnummer === user.personnummer)) throw appError('forbidden', 'consent.notOwner');
  const [draft] = await app.db.select().from(drafts).where(eq(drafts.id, row.draftId));
  if (!draft) throw appError('gone', 'consent.submitted');
  const data = DraftDataSchema.parse(draft.data);
  const [site, neighbour] = await Promise.all([
    app.registers.land.propertyById(row.sitePropertyId),
    app.registers.land.propertyById(row.neighbourPropertyId),
  ]);
  if (!site || !neighbour) throw notFound('property');
  const subject = subjectOf(data, neighbour);
  if (!subject) throw appError('gone', 'consent.submitted');
  return { row, data, site, neighbour, subject };
}

/** One owner's answer, replacing any earlier one of theirs. */
export async function saveAnswer(
  app: FastifyInstance,
  invitationId: string,
  personnummer: string,
  values: Partial<AnswerRow>,
) {
  const set = {
    reason: null,
    subject: null,
    subjectHash: null,
    signature: null,
    ocspResponse: null,
    bankIdIssueDate: null,
    ...values,
    answeredAt: app.clock(),
  };
  await app.db
    .insert(consentAnswers)
    .values({ id: crypto.randomUUID(), invitationId, personnummer, answer: values.answer!, ...set })
    .onConflictDoUpdate({ target: [consentAnswers.invitationId, consentAnswers.personnummer], set });
}

/** The neighbour's side: look at the drawing, sign a consent with BankID, or decline with a reason. */
export function consentNeighbourService(app: FastifyInstance) {
  async function view(user: SessionUser, code: string): Promise<ConsentRequestView> {
    const { row, site, neighbour, subject } = await openInvitation(app, user, code);
    const [answer] = await app.db
      .select()
      .from(consentAnswers)
      .where(and(eq(consentAnswers.invitationId, row.id), eq(consentAnswers.personnummer, user.personnummer)));
    // An earlier consent for a drawing since changed is no answer to this one.
    const current =
      answer?.answer === 'consented' && answer.subject
        ? consentStatus(ConsentSubjectSchema.parse(answer.subject), subject).status === 'valid'
          ? 'consented'
          : null
        : ((answer?.answer as 'declined' | undefined) ?? null);
    return {
      applicantName: row.applicantName,
      siteDesignation: site.designation,
      neighbourDesignation: neighbour.designation,
      expiresAt: row.expiresAt.toISOString(),
      subject,
      siteBoundary: site.boundary,
      neighbourBoundary: neighbour.boundary,
      signText: consentSignText({
        siteDesignation: site.designation,
        neighbourDesignation: neighbour.designation,
        subject,
      }),
      answer: current,
    };
  }

  async function decline(user: SessionUser, code: string, reason: string) {
    const { row } = await openInvitation(app, user, code);
    await saveAnswer(app, row.id, user.personnummer, { answer: 'declined', reason });
  }

  return { view, decline, open: (user: SessionUser, code: string) => openInvitation(app, user, code) };
}

/**
 * On submission, each neighbour's signed consent becomes the case's GRAM document (unless the applicant uploaded
 * one for that property): a PDF of who consented to what, when, and the hash they signed.
 */
export async function consentDocumentsToCase(
  app: FastifyInstance,
  caseRecord: { id: string; diaryNumber: string; ownerPersonnummer: string; siteDesignation: string; receivedAt: Date },
  consents: Awaited<ReturnType<typeof validConsentsOf>>,
  uploaded: { type: string; neighbourPropertyId: string | null }[],
  application: ApplicationSubmission,
) {
  // The consents arrive with the application: dated and filed as received with it (the receipt lists them).
  const date = stockholmDate(caseRecord.receivedAt);
  for (const { neighbour, answers } of consents) {
    if (uploaded.some((f) => f.type === 'GRAM' && f.neighbourPropertyId === neighbour.id)) continue;
    const subject = subjectOf(application, neighbour)!;
    const people = await Promise.all(answers.map((a) => app.registers.population.personByPersonnummer(a.personnummer)));
    const content = consentDocument({
      siteDesignation: caseRecord.siteDesignation,
      neighbourDesignation: neighbour.designation,
      subject,
      signers: answers.map((a, i) => ({
        name: people[i] && !people[i].protectedIdentity ? `${people[i].givenName} ${people[i].surname}` : null,
        signedAt: a.answeredAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        subjectHash: a.subjectHash ?? '',
      })),
    });
    const pdf = await renderDecision(content, {
      ...letterhead(app),
      diaryNumber: caseRecord.diaryNumber,
      date,
    });
    const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    await app.db.insert(attachments).values({
      id: crypto.randomUUID(),
      ownerPersonnummer: caseRecord.ownerPersonnummer,
      caseId: caseRecord.id,
      type: 'GRAM',
      neighbourPropertyId: neighbour.id,
      fileName: `Grannemedgivande ${neighbour.designation}.pdf`,
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: await app.attachmentStore.put(bytes),
      generated: 'consent',
      createdAt: caseRecord.receivedAt,
    });
  }
}
