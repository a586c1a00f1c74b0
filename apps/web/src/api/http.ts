import createClient, {
  type MaybeOptionalInit,
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
} from 'openapi-fetch';
import type { ApiError as ApiErrorBody } from '@lovisa/domain';
import type { paths } from './schema';
import { EVERY_PAGE_FIRST_CALLS } from '../firstCalls';
import { translate, type I18n, type Message, type MessageKey, type MessageParams } from '../i18n/i18n';

// This module is in the entry bundle (the start and login pages, the session): it imports neither zod nor the
// domain's schemas at run time, only their types. Building zod and the domain's schemas took ≈ 150–180 ms of
// CPU before the start page could answer (×4 on Lighthouse's phone); they load with the pages that use them, and
// no answer is parsed with them again (see `method` below). See docs/performance.md.

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

/**
 * The one client of Lovisa's API: openapi-fetch over the paths generated from the server's OpenAPI document
 * (schema.d.ts, `npm run api:generate`), so every address, parameter, body and answer is typed by the server's
 * own route schemas. Same-origin cookies carry the session; a state-changing call needs nothing more, as the
 * browser's own Sec-Fetch-Site and Origin headers are what the server checks (apps/server/src/plugins/sameOrigin.ts).
 * The base is the page's origin: the same as a relative address in a browser, and a URL that `new Request`
 * accepts in the unit tests too.
 */
const client = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  credentials: 'same-origin',
  // Looked up on each call (tests replace fetch), and a network failure becomes an ApiError the views can show.
  fetch: (request) =>
    globalThis.fetch(request).catch(() => {
      throw clientError(0, 'network', 'common.network');
    }),
});

type Method = 'get' | 'post' | 'put' | 'delete';
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { parameters: unknown } ? P : never;
}[keyof paths];

/** The JSON of an operation's successful answer (undefined when it has none, as a 204). */
export type ApiAnswer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? [Extract<keyof R, 200 | 201 | 202>] extends [never]
    ? undefined
    : R[Extract<keyof R, 200 | 201 | 202>] extends { content: { 'application/json': infer J } }
      ? J
      : undefined
  : never;

/** openapi-fetch's options for a call (params, body, headers, cache …), optional when nothing in them is required. */
type Init<P extends PathsWith<M>, M extends Method> =
  undefined extends MaybeOptionalInit<paths[P], M>
    ? [init?: MaybeOptionalInit<paths[P], M>]
    : [init: MaybeOptionalInit<paths[P], M>];

/**
 * One method of the API: the data of a successful answer, or an ApiError (the server's `{ error: { code,
 * message, … } }`, or an unknown answer when the body is not that: a proxy's error page, a body that is no JSON).
 * The answer is typed from the paths here rather than by openapi-fetch, whose `Readable` turns tuples (a GeoJSON
 * position) into plain arrays.
 */
const method =
  <M extends Method>(name: M) =>
  async <P extends PathsWith<M>>(path: P, ...init: Init<P, M>): Promise<ApiAnswer<P, M>> => {
    let outcome: { data?: unknown; error?: unknown; response: Response };
    try {
      outcome = await client.request(name, path as never, ...(init as [never]));
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw clientError(0, 'unknown', 'common.serverError');
    }
    if (!outcome.response.ok) throw apiError(outcome.response.status, outcome.error ?? null);
    return outcome.data as ApiAnswer<P, M>;
  };
export const GET = method('get');
export const POST = method('post');
export const PUT = method('put');
export const DELETE = method('delete');

/** The path and query parameters of an operation, as its route declares them. */
type Params<P extends keyof paths, M extends Method> = paths[P][M] extends { parameters: infer X }
  ? { [K in keyof X as K extends 'path' | 'query' ? K : never]: X[K] }
  : never;

/**
 * An address of the API, from the typed paths: where the browser navigates (a link, a download) or sends an
 * upload itself (XMLHttpRequest, for its progress), so no address is written by hand.
 */
export function apiUrl<M extends Method, P extends PathsWith<M>>(_method: M, path: P, params: Params<P, M>): string {
  return createFinalURL(path, {
    baseUrl: '',
    params: params as { path?: Record<string, unknown>; query?: Record<string, unknown> },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
}

/**
 * Answers that stay the same for a visit (a property's register data and its surroundings): one request per
 * key, shared by everyone who asks — the wizard's site loader, the map step and the map all want the same
 * two answers. A failed request is forgotten, so the next ask tries again; logging in or out forgets them all.
 */
const visitAnswers = new Map<string, Promise<unknown>>();
export function oncePerVisit<T>(key: string, load: () => Promise<T>): Promise<T> {
  let answer = visitAnswers.get(key) as Promise<T> | undefined;
  if (!answer) {
    const loading = load().catch((e: unknown) => {
      if (visitAnswers.get(key) === loading) visitAnswers.delete(key);
      throw e;
    });
    visitAnswers.set(key, loading);
    answer = loading;
  }
  return answer;
}
/**
 * Answers a page will ask for first, asked for as the entry starts (askEarly) rather than once the page's chunk has
 * come and rendered: on a slow phone network that is a round trip or two sooner (docs/performance.md, session 10).
 * Taken once, and only while fresh; a refused one is dropped at once, so the page asks again and handles it.
 */
const EARLY_FRESH_MS = 10_000;
interface EarlyAnswer {
  at: number;
  answer: Promise<unknown>;
  /** Set once the answer has come. */
  arrived?: { value: unknown };
}
const earlyAnswers = new Map<string, EarlyAnswer>();
export function askEarly(key: string, load: () => Promise<unknown>): void {
  const answer = load();
  const early: EarlyAnswer = { at: Date.now(), answer };
  answer.then(
    (value) => (early.arrived = { value }),
    () => {
      if (earlyAnswers.get(key) === early) earlyAnswers.delete(key);
    },
  );
  earlyAnswers.set(key, early);
}
/** An early answer that has already come (and is fresh), taken: a page's first render can show it at once. */
export function takeArrived<T>(key: string): T | undefined {
  const early = earlyAnswers.get(key);
  if (!early?.arrived || Date.now() - early.at >= EARLY_FRESH_MS) return undefined;
  earlyAnswers.delete(key);
  return early.arrived.value as T;
}
export function takeEarly<T>(key: string, load: () => Promise<T>): Promise<T> {
  const early = earlyAnswers.get(key);
  earlyAnswers.delete(key);
  return early && Date.now() - early.at < EARLY_FRESH_MS ? (early.answer as Promise<T>) : load();
}

export const forgetVisitAnswers = () => {
  visitAnswers.clear();
  earlyAnswers.clear();
};

/** GET /api/session: who is signed in; `kiosk` when the login started at a town-hall kiosk. */
export type Session = Omit<ApiAnswer<'/api/session', 'get'>, 'kiosk'> & { kiosk: boolean };

/**
 * The session and the BankID login: the first screens' calls. Their answers are not parsed with zod (see the
 * top of this file): the server encodes each with the domain schema of its route (apps/server/src/routes/auth.ts;
 * fastify-type-provider-zod's serializer answers 500 rather than send one that does not match), so a second
 * check here would only repeat it. Nothing the browser keeps is cached.
 */
export const authApi = {
  session: async (): Promise<Session> => {
    const answer = await GET(EVERY_PAGE_FIRST_CALLS.session, { cache: 'no-store' });
    return { ...answer, kiosk: answer.kiosk ?? false };
  },
  /** `kiosk`: a BankID login on another device, marked as started at the town-hall kiosk. */
  startLogin: (mode: 'qr' | 'sameDevice', kiosk = false) =>
    kiosk
      ? POST('/api/auth/bankid/start', { body: { mode: 'qr', kiosk: true }, cache: 'no-store' })
      : POST('/api/auth/bankid/start', { body: { mode } }),
  qr: (orderRef: string) => GET('/api/auth/bankid/{orderRef}/qr', { params: { path: { orderRef } } }),
  collect: (orderRef: string) => POST('/api/auth/bankid/collect', { body: { orderRef } }),
  cancelLogin: (orderRef: string) => POST('/api/auth/bankid/cancel', { body: { orderRef } }),
  logout: () => POST('/api/auth/logout'),
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
