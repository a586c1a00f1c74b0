import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { bankIdMessage, fullName, type LoginCollectResult, type Role } from '@lovisa/domain';
import { BankIdError } from '@lovisa/bankid';
import { appError } from '../errors';
import { sha256 } from '../plugins/session';
import { bankIdUnavailable, collectOrder } from './bankidCollect';
import { deleteLoginOrder, insertLoginOrder, loginOrderOf, type LoginOrderRow } from '../repositories/loginOrders';

/** Orders older than this are gone at BankID too; rows past it are swept. */
const ORDER_MAX_AGE_MS = 10 * 60_000;

export interface NewSession {
  personnummer: string;
  name: string;
  roles: Role[];
  teamId: string | null;
  kiosk: boolean;
}

/** Logging in with BankID: an order bound to the browser that started it, collected into a session. */
export function loginService(app: FastifyInstance) {
  /** Starts an auth order; the nonce goes to the browser as a cookie, its hash stays with the order. */
  async function start(kiosk: boolean, endUserIp: string, log: FastifyBaseLogger) {
    let order;
    try {
      order = await app.bankid().auth({ endUserIp });
    } catch (err) {
      log.warn({ errorCode: err instanceof BankIdError ? err.errorCode : 'unknown' }, 'bankid auth failed');
      throw bankIdUnavailable();
    }
    const nonce = randomBytes(24).toString('base64url');
    await insertLoginOrder(
      app.db,
      {
        orderRef: order.orderRef,
        browserNonceHash: sha256(nonce),
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
        kiosk,
        createdAt: app.clock(),
      },
      ORDER_MAX_AGE_MS,
    );
    return { nonce, orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  /** The order this browser started; a leaked orderRef collected elsewhere answers as unknown. */
  async function orderOfBrowser(nonce: string | undefined, orderRef: string): Promise<LoginOrderRow> {
    const order = nonce ? await loginOrderOf(app.db, orderRef, sha256(nonce)) : null;
    if (!order) throw appError('notFound', 'server.loginNotFound');
    return order;
  }

  /** BankID's answer; `ended` when the order is over (the browser's cookie then goes), `session` on success. */
  async function collect(
    order: LoginOrderRow,
  ): Promise<{ answer: LoginCollectResult; ended: boolean; session?: NewSession }> {
    const result = await collectOrder(app, order.orderRef);
    if (!result) {
      await deleteLoginOrder(app.db, order.orderRef);
      return {
        answer: { status: 'failed', hintCode: 'notFound', message: bankIdMessage('notFound', 'failed') },
        ended: false,
      };
    }
    if (result.status === 'pending')
      return {
        answer: { status: 'pending', hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'pending') },
        ended: false,
      };
    await deleteLoginOrder(app.db, order.orderRef);
    app.metrics.bankIdOrderEnded('login', result.status, result.status === 'failed' ? result.hintCode : undefined);
    if (result.status === 'failed')
      return {
        answer: { status: 'failed', hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'failed') },
        ended: true,
      };
    const { personalNumber, name } = result.completionData.user;
    const kiosk = order.kiosk || app.config.kiosk.only;
    // At a kiosk an officer is one more visitor: no officer role, no team (the session plugin insists too).
    const officer = kiosk ? undefined : await app.registers.staff.officerByPersonnummer(personalNumber);
    const session: NewSession = {
      personnummer: personalNumber,
      name: officer ? fullName(officer) : name,
      roles: officer ? ['applicant', 'officer'] : ['applicant'],
      teamId: officer?.teamId ?? null,
      kiosk,
    };
    return { answer: { status: 'complete', message: bankIdMessage(undefined, 'complete') }, ended: true, session };
  }

  async function cancel(order: LoginOrderRow) {
    await deleteLoginOrder(app.db, order.orderRef);
    // The order may already have ended at BankID; the login is cancelled on our side either way.
    await app
      .bankid()
      .cancel(order.orderRef)
      .catch(() => {});
  }

  return { start, orderOfBrowser, collect, cancel };
}
