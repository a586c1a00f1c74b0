import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  ApplicationSubmissionSchema,
  powerOfAttorneyCanonical,
  type PowerOfAttorney,
  type PowerOfAttorneyGrant,
  type SignCollectResult,
} from '@lovisa/domain';
import { appError } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseParties } from '../db/schema';
import { caseRow } from '../repositories/cases';
import { partiesOfCase, updateParty } from '../repositories/parties';
import { forgetPowerSignOrder, insertPower, insertPowerSignOrder, powerSignOrder } from '../repositories/powers';
import { cancelLinkSignature, collectLinkSignature, startBankIdSign } from './bankidCollect';
import { sha256 } from './consent';
import { submissionHashOf } from './parties';
import { powersService } from './powers';

const SIGN_ORDER_MAX_AGE_MS = 10 * 60_000;

/**
 * The owner signs a power of attorney with BankID (ADR 0023): the app shows who authorises whom, for what and until
 * when; the order carries the SHA-256 of the power. Only when BankID answers that the owner signed is it kept.
 */
export function powerSigningService(app: FastifyInstance) {
  const { preview } = powersService(app);

  async function start(user: SessionUser, grant: PowerOfAttorneyGrant, endUserIp: string, log: FastifyBaseLogger) {
    const shown = await preview(user, grant);
    const power = {
      id: crypto.randomUUID(),
      principal: user.personnummer,
      agent: grant.agent,
      scope: grant.scope,
      validUntil: grant.validUntil,
    };
    const hash = sha256(powerOfAttorneyCanonical(power));
    const order = await startBankIdSign(
      app,
      {
        endUserIp,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(shown.signText).toString('base64'),
        userVisibleDataFormat: 'simpleMarkdownV1',
        userNonVisibleData: Buffer.from(hash).toString('base64'),
      },
      log,
      'power of attorney',
    );
    const now = app.clock();
    // jscpd:ignore-start -- kept as a co-owner's sign order is (services/partySigning.ts): the order, the hash it
    // carries and BankID's QR secrets, older orders swept first; this one keeps the power shown instead.
    await insertPowerSignOrder(
      app.db,
      {
        orderRef: order.orderRef,
        personnummer: user.personnummer,
        power: {
          ...power,
          principalName: shown.principalName,
          agentName: shown.agentName,
          scopeLabel: shown.scopeLabel,
        },
        powerHash: hash,
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
        createdAt: now,
      },
      new Date(now.getTime() - SIGN_ORDER_MAX_AGE_MS),
    );
    // jscpd:ignore-end
    return { orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  async function ownOrder(user: SessionUser, orderRef: string) {
    const order = await powerSignOrder(app.db, orderRef, user.personnummer);
    if (!order || app.clock().getTime() - order.createdAt.getTime() > SIGN_ORDER_MAX_AGE_MS)
      throw appError('notFound', 'powers.orderNotFound');
    return order;
  }

  /** On the owner's signature the power is kept; a power for a case makes the agent a party of it at once. */
  async function collect(user: SessionUser, orderRef: string, log: FastifyBaseLogger): Promise<SignCollectResult> {
    const order = await ownOrder(user, orderRef);
    const collected = await collectLinkSignature(
      app,
      order,
      user.personnummer,
      () => forgetPowerSignOrder(app.db, order.orderRef),
      { signedByOther: 'powers.signedByOther', log },
    );
    if ('unfinished' in collected) return collected.unfinished;
    const shown = order.power as Omit<PowerOfAttorney, 'revokedAt'> & {
      principalName: string | null;
      agentName: string | null;
      scopeLabel: string;
    };
    const signed = collected.completion.completionData;
    const now = app.clock();
    await insertPower(app.db, {
      id: shown.id,
      principal: shown.principal,
      principalName: shown.principalName,
      agent: shown.agent,
      agentName: shown.agentName,
      scopeKind: shown.scope.kind,
      propertyId: shown.scope.kind === 'property' ? shown.scope.propertyId : null,
      caseId: shown.scope.kind === 'case' ? shown.scope.caseId : null,
      scopeLabel: shown.scopeLabel,
      validUntil: shown.validUntil,
      powerHash: order.powerHash,
      signature: signed.signature,
      ocspResponse: signed.ocspResponse,
      bankIdIssueDate: signed.bankIdIssueDate,
      signedAt: now,
      revokedAt: null,
    });
    if (shown.scope.kind === 'case') await joinCase(shown.scope.caseId, shown, now);
    log.info({ powerId: shown.id }, 'power of attorney signed');
    return { status: 'complete', message: 'Fullmakten är underskriven.' };
  }

  /** The agent of a case-scoped power becomes a party of that case (once), resting on the newest power. */
  async function joinCase(
    caseId: string,
    power: { id: string; agent: string; agentName: string | null; principal: string },
    at: Date,
  ) {
    const row = (await caseRow(app.db, caseId))!;
    const existing = (await partiesOfCase(app.db, caseId)).find((p) => p.personnummer === power.agent);
    if (existing) {
      if (existing.role === 'agent') await updateParty(app.db, existing.id, { powerId: power.id });
      return;
    }
    await app.db.insert(caseParties).values({
      id: crypto.randomUUID(),
      caseId,
      personnummer: power.agent,
      name: power.agentName,
      role: 'agent',
      ownerKey: power.principal,
      submissionHash: submissionHashOf(ApplicationSubmissionSchema.parse(row.application)),
      state: 'invited',
      powerId: power.id,
      createdAt: at,
    });
  }

  const cancel = async (user: SessionUser, orderRef: string) => {
    const order = await ownOrder(user, orderRef);
    await cancelLinkSignature(app, order.orderRef, () => forgetPowerSignOrder(app.db, order.orderRef));
  };

  return { start, ownOrder, collect, cancel };
}
