import type { z } from 'zod';
import type {
  ApiError as ApiErrorBody,
  LoginCollectResultSchema,
  LoginStartResultSchema,
  QrResultSchema,
  SessionInfo,
} from '@lovisa/domain';
import { translate, type I18n, type Message, type MessageKey, type MessageParams } from '../i18n/i18n';

// This module is in the entry bundle (the start and login pages, the session): it imports neither zod nor the
// domain's schemas at run time, only their types. Building zod and the domain's schemas took ≈ 150–180 ms of
// CPU before the start page could answer (×4 on Lighthouse's phone); they now load with the pages that use them
// (api/client.ts). See docs/performance.md.

/** One field's problem in an API answer: the server's Swedish words, and the message id to render by. */
export interface ApiIssue {
  path: string;
  message: string;
  messageId?: string;
  params?: MessageParams;
}

/**
 * An answer from the API that is not a success: the server's own Swedish `message`, and `messageId`/`params`
 * when it named one (or this client did, for the network failing). Show it with apiErrorText, not `.message`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly messageId?: string,
    readonly params?: MessageParams,
  ) {
    super(message);
  }
}

/** What went wrong, as a message by id: the server's id with its words as the fallback, or a general error. */
export function apiErrorMessage(error: unknown, otherwise: Message = { id: 'common.error' }): Message {
  if (!(error instanceof ApiError)) return otherwise;
  return { id: error.messageId ?? '', text: error.message, ...(error.params ? { params: error.params } : {}) };
}

/** An issue of an API answer as a message by id, like apiErrorMessage. */
export const apiIssueMessage = (issue: ApiIssue): Message => ({
  id: issue.messageId ?? '',
  text: issue.message,
  ...(issue.params ? { params: issue.params } : {}),
});

/** The words to show for a failed call, in the page's language: `apiErrorText(e, useI18n())`. */
export const apiErrorText = (error: unknown, i18n: Pick<I18n, 'msg'>, otherwise?: Message): string =>
  i18n.msg(apiErrorMessage(error, otherwise));

/** A failure this client names itself (the network, an answer it cannot read): Swedish words, like the server's. */
export const clientError = (status: number, code: string, id: MessageKey) =>
  new ApiError(status, code, translate('sv', id), [], id);

const isParams = (p: unknown): p is MessageParams =>
  typeof p === 'object' &&
  p !== null &&
  Object.values(p).every(
    (v) =>
      typeof v === 'string' ||
      typeof v === 'number' ||
      (typeof v === 'object' &&
        v !== null &&
        typeof (v as { sv?: unknown }).sv === 'string' &&
        typeof (v as { en?: unknown }).en === 'string'),
  );

/**
 * The server's error body, `{ error: { code, message, messageId?, params?, issues? } }` (ApiErrorSchema in
 * packages/domain), read without zod so this module stays out of the schema bundle; anything else is an
 * unknown answer. A malformed `messageId` or `params` is dropped, keeping the server's words.
 */
export function apiError(status: number, json: unknown): ApiError {
  const e = (json as Partial<ApiErrorBody> | null)?.error as Partial<ApiErrorBody['error']> | undefined;
  const issues: unknown = e?.issues;
  const issuesOk =
    issues === undefined ||
    (Array.isArray(issues) &&
      issues.every(
        (i: { path?: unknown; message?: unknown } | null) =>
          typeof i?.path === 'string' && typeof i?.message === 'string',
      ));
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || !issuesOk)
    return clientError(status, 'unknown', 'common.serverError');
  const named = (x: { messageId?: unknown; params?: unknown }) => ({
    ...(typeof x.messageId === 'string' ? { messageId: x.messageId } : {}),
    ...(isParams(x.params) ? { params: x.params } : {}),
  });
  const top = named(e);
  return new ApiError(
    status,
    e.code,
    e.message,
    (e.issues ?? []).map((i) => ({ path: i.path, message: i.message, ...named(i) })),
    top.messageId,
    top.params,
  );
}

/** JSON over fetch to this server: the answer as it came (unchecked), or an ApiError with the server's message. */
export async function fetchJson(
  method: string,
  url: string,
  body?: unknown,
  init: { cache?: RequestCache; headers?: Record<string, string> } = {},
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      ...init,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw clientError(0, 'network', 'common.network');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): handled below as an unknown answer.
  }
  if (!res.ok) throw apiError(res.status, json);
  return json;
}

/**
 * Answers that stay the same for a visit (a property's register data and its surroundings): one request per
 * address, shared by everyone who asks — the wizard's site loader, the map step and the map all want the same
 * two answers. A failed request is forgotten, so the next ask tries again; logging in or out forgets them all.
 */
const visitAnswers = new Map<string, Promise<unknown>>();
export function fetchJsonOnce(url: string): Promise<unknown> {
  let answer = visitAnswers.get(url);
  if (!answer) {
    answer = fetchJson('GET', url).catch((e: unknown) => {
      if (visitAnswers.get(url) === answer) visitAnswers.delete(url);
      throw e;
    });
    visitAnswers.set(url, answer);
  }
  return answer;
}
export const forgetVisitAnswers = () => visitAnswers.clear();

/** GET /api/session: who is signed in; `kiosk` when the login started at a town-hall kiosk. */
export type Session = SessionInfo & { kiosk: boolean };

/**
 * The session and the BankID login: the first screens' calls. Their answers are not parsed with zod here (see
 * the top of this file): the server encodes each with the domain schema named in its type
 * (apps/server/src/routes/auth.ts, fastify-type-provider-zod's serializer answers 500 rather than send one that
 * does not match), so a second check here would only repeat it. Nothing the browser keeps is cached.
 */
export const authApi = {
  session: async (): Promise<Session> => {
    const answer = (await fetchJson('GET', '/api/session', undefined, { cache: 'no-store' })) as SessionInfo & {
      kiosk?: true;
    };
    return { ...answer, kiosk: answer.kiosk ?? false };
  },
  /** `kiosk`: a BankID login on another device, marked as started at the town-hall kiosk. */
  startLogin: (mode: 'qr' | 'sameDevice', kiosk = false) =>
    (kiosk
      ? fetchJson('POST', '/api/auth/bankid/start', { mode: 'qr', kiosk: true }, { cache: 'no-store' })
      : fetchJson('POST', '/api/auth/bankid/start', { mode })) as Promise<z.output<typeof LoginStartResultSchema>>,
  qr: (orderRef: string) =>
    fetchJson('GET', `/api/auth/bankid/${encodeURIComponent(orderRef)}/qr`) as Promise<z.output<typeof QrResultSchema>>,
  collect: (orderRef: string) =>
    fetchJson('POST', '/api/auth/bankid/collect', { orderRef }) as Promise<z.output<typeof LoginCollectResultSchema>>,
  cancelLogin: (orderRef: string) => fetchJson('POST', '/api/auth/bankid/cancel', { orderRef }),
  logout: () => fetchJson('POST', '/api/auth/logout'),
};

/** 32 random hex digits. Not crypto.randomUUID: it needs a secure context, and a town-hall kiosk may be on plain http. */
export function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends a request that must happen once (a submission) with an Idempotency-Key, and sends it again with the same
 * key when the network failed: the answer may have been lost on the way back, and the server answers a copy
 * with the first answer instead of acting twice. Errors the server gave are not retried.
 */
export async function sendOnce<T>(
  send: (idempotencyKey: string) => Promise<T>,
  retryDelaysMs: readonly number[] = [500, 1500],
): Promise<T> {
  const key = randomKey();
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(key);
    } catch (e) {
      const delay = retryDelaysMs[attempt];
      if (!(e instanceof ApiError && e.code === 'network') || delay === undefined) throw e;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
