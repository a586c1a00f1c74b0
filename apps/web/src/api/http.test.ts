import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLanguage, messageText, translate, type Message } from '../i18n/i18n';
import {
  ApiError,
  DELETE,
  GET,
  POST,
  PUT,
  apiError,
  apiErrorMessage,
  apiErrorText,
  apiIssueMessage,
  apiUrl,
  authApi,
  askEarly,
  takeArrived,
  forgetVisitAnswers,
  oncePerVisit,
  takeEarly,
  randomKey,
  sendOnce,
} from './http';

/** A fetch that answers from a list, keeping what was asked (openapi-fetch sends a Request). */
function stubFetch(answers: (() => Response | Promise<Response>)[]) {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    requests.push(request);
    const next = answers.shift();
    if (!next) throw new TypeError('no answer left');
    return next();
  });
  return { requests };
}
/** What was asked, as `METHOD /path?query`. */
const asked = (requests: Request[]) =>
  requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`);
const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  forgetVisitAnswers();
});

describe('the entry bundle’s JSON over fetch (no zod)', () => {
  it('reads the server’s error body as ApiErrorSchema describes it, anything else as an unknown answer', () => {
    const e = apiError(400, {
      error: { code: 'invalidInput', message: 'Fel.', issues: [{ path: 'a.b', message: 'Saknas.' }] },
    });
    expect(e).toMatchObject({
      status: 400,
      code: 'invalidInput',
      message: 'Fel.',
      issues: [{ path: 'a.b', message: 'Saknas.' }],
    });
    expect(apiError(404, { error: { code: 'notFound', message: 'Hittades inte.' } })).toMatchObject({
      code: 'notFound',
      issues: [],
    });
    for (const body of [
      null,
      'Bad gateway',
      { error: { code: 5, message: 'x' } },
      { error: { code: 'x', message: 'y', issues: [{ path: 1 }] } },
      { message: 'x' },
    ]) {
      expect(apiError(502, body)).toMatchObject({
        status: 502,
        code: 'unknown',
        message: translate('sv', 'common.serverError'),
      });
    }
  });

  it('answers the JSON as it came, throws ApiError on an error status, an unreadable answer and a network failure', async () => {
    stubFetch([
      json(200, { a: 1 }),
      json(429, { error: { code: 'tooManyRequests', message: 'Vänta.' } }),
      () => new Response(null, { status: 204 }),
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      () => new Response('{"half', { status: 200 }),
      () => Promise.reject(new TypeError('offline')),
    ]);
    await expect(GET('/api/me')).resolves.toEqual({ a: 1 });
    await expect(POST('/api/auth/bankid/start', { body: { mode: 'qr' } })).rejects.toMatchObject({
      status: 429,
      code: 'tooManyRequests',
      message: 'Vänta.',
    });
    await expect(POST('/api/auth/logout')).resolves.toBeUndefined();
    await expect(GET('/api/me')).rejects.toMatchObject({
      status: 502,
      code: 'unknown',
      messageId: 'common.serverError',
    });
    await expect(GET('/api/me')).rejects.toMatchObject({ code: 'unknown', messageId: 'common.serverError' });
    const offline = await GET('/api/me').catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(ApiError);
    expect(offline).toMatchObject({ status: 0, code: 'network', messageId: 'common.network' });
  });

  it('sends to the typed path with its parameters encoded, same-origin cookies, and JSON bodies as JSON', async () => {
    const { requests } = stubFetch([json(200, {}), json(200, {}), () => new Response(null, { status: 204 })]);
    await GET('/api/me/cases/{id}', { params: { path: { id: 'a/b c' } } });
    await PUT('/api/drafts/{id}', { params: { path: { id: 'd1' } }, body: { data: {}, revision: 1 } });
    await DELETE('/api/drafts/{id}/attachments/{attachmentId}', { params: { path: { id: 'd1', attachmentId: 'x' } } });
    expect(asked(requests)).toEqual([
      'GET /api/me/cases/a%2Fb%20c',
      'PUT /api/drafts/d1',
      'DELETE /api/drafts/d1/attachments/x',
    ]);
    expect(requests.map((r) => r.credentials)).toEqual(['same-origin', 'same-origin', 'same-origin']);
    expect(requests[0]!.headers.get('content-type')).toBeNull();
    expect(requests[1]!.headers.get('content-type')).toBe('application/json');
    await expect(requests[1]!.json()).resolves.toEqual({ data: {}, revision: 1 });
  });

  it('writes the addresses a browser follows or uploads to from the same typed paths', () => {
    expect(apiUrl('get', '/api/attachments/{id}', { path: { id: 'a b' } })).toBe('/api/attachments/a%20b');
    expect(
      apiUrl('post', '/api/drafts/{id}/attachments', {
        path: { id: 'd1' },
        query: { type: 'GRAM', neighbourPropertyId: 'p&1' },
      }),
    ).toBe('/api/drafts/d1/attachments?type=GRAM&neighbourPropertyId=p%261');
  });

  it('carries the server’s message id and parameters, of the answer and of each issue, and drops malformed ones', () => {
    const e = apiError(400, {
      error: {
        code: 'invalidInput',
        message: 'Ansökan kan inte skickas än.',
        messageId: 'server.applicationBlocked',
        issues: [
          {
            path: 'rules.attachments.MISSING_ATTACHMENT',
            message: 'Bifoga situationsplan.',
            messageId: 'finding.MISSING_ATTACHMENT',
            params: { attachment: { sv: 'situationsplan', en: 'site plan' } },
          },
          { path: 'x', message: 'Något.', messageId: 7, params: { a: [1] } },
        ],
      },
    });
    expect(e).toMatchObject({ messageId: 'server.applicationBlocked', message: 'Ansökan kan inte skickas än.' });
    expect(e.issues[0]).toEqual({
      path: 'rules.attachments.MISSING_ATTACHMENT',
      message: 'Bifoga situationsplan.',
      messageId: 'finding.MISSING_ATTACHMENT',
      params: { attachment: { sv: 'situationsplan', en: 'site plan' } },
    });
    expect(e.issues[1]).toEqual({ path: 'x', message: 'Något.' });
    expect(apiErrorMessage(e)).toEqual({ id: 'server.applicationBlocked', text: 'Ansökan kan inte skickas än.' });
    expect(apiIssueMessage(e.issues[0]!)).toMatchObject({
      id: 'finding.MISSING_ATTACHMENT',
      text: 'Bifoga situationsplan.',
    });
    // Not an API answer: the caller's own message, or a general error.
    expect(apiErrorMessage(new Error('boom'), { id: 'login.failed' })).toEqual({ id: 'login.failed' });
    expect(apiErrorMessage('boom')).toEqual({ id: 'common.error' });
  });

  it('renders an API error by its id in the page’s language, else by the server’s words', async () => {
    await Promise.all([loadLanguage('sv'), loadLanguage('en')]);
    const en = { msg: (m: Message) => messageText('en', m) };
    const sv = { msg: (m: Message) => messageText('sv', m) };
    const forbidden = apiError(403, {
      error: { code: 'forbidden', message: 'Du har inte behörighet till detta.', messageId: 'server.forbidden' },
    });
    expect(apiErrorText(forbidden, en)).toBe('You do not have permission for this.');
    expect(apiErrorText(forbidden, sv)).toBe('Du har inte behörighet till detta.');
    // No id (a text not yet given one), or one this build does not know: the server's own words, never a lookup by them.
    expect(
      apiErrorText(apiError(409, { error: { code: 'conflict', message: 'Ärendet är redan beslutat.' } }), en),
    ).toBe('Ärendet är redan beslutat.');
    expect(
      apiErrorText(
        apiError(409, { error: { code: 'conflict', message: 'Något nytt.', messageId: 'server.somethingNew' } }),
        en,
      ),
    ).toBe('Något nytt.');
    expect(apiErrorText(new TypeError('x'), en)).toBe('Something went wrong.');
    stubFetch([() => Promise.reject(new TypeError('offline'))]);
    expect(apiErrorText(await GET('/api/me').catch((e: unknown) => e), en)).toBe(translate('en', 'common.network'));
  });

  it('asks once per key for answers that stay the same all visit, forgets failures, and forgets all at a new login', async () => {
    const { requests } = stubFetch([json(500, {}), json(200, { id: 1 }), json(200, { id: 2 })]);
    const property = () =>
      oncePerVisit('property:p', () => GET('/api/properties/{id}', { params: { path: { id: 'p' } } }));
    await expect(property()).rejects.toMatchObject({ status: 500 });
    const [a, b] = [property(), property()];
    expect(a).toBe(b);
    await expect(a).resolves.toEqual({ id: 1 });
    await expect(property()).resolves.toEqual({ id: 1 });
    forgetVisitAnswers();
    await expect(property()).resolves.toEqual({ id: 2 });
    expect(asked(requests)).toEqual(['GET /api/properties/p', 'GET /api/properties/p', 'GET /api/properties/p']);
  });

  it('hands an answer asked for early to the first who takes it while fresh, and to no one after that', async () => {
    const { requests } = stubFetch([json(200, [{ id: 'early' }]), json(200, [{ id: 'again' }])]);
    const drafts = () => GET('/api/drafts');
    askEarly('drafts', drafts);
    await expect(takeEarly('drafts', drafts)).resolves.toEqual([{ id: 'early' }]);
    await expect(takeEarly('drafts', drafts)).resolves.toEqual([{ id: 'again' }]);
    expect(asked(requests)).toEqual(['GET /api/drafts', 'GET /api/drafts']);
  });

  it('hands over an early answer that has come for a first render, once, and nothing that is still on its way', async () => {
    const { requests } = stubFetch([json(200, ['early']), json(200, ['slow']), json(200, ['asked again'])]);
    const drafts = () => GET('/api/drafts');
    askEarly('drafts', drafts);
    // Not come yet: nothing to show, and the page's own call takes it when it comes.
    expect(takeArrived('drafts')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(takeArrived('drafts')).toEqual(['early']);
    // Taken: neither handed over again nor waited for by the page's own call.
    expect(takeArrived('drafts')).toBeUndefined();
    askEarly('drafts', drafts);
    await expect(takeEarly('drafts', drafts)).resolves.toEqual(['slow']);
    await expect(takeEarly('drafts', drafts)).resolves.toEqual(['asked again']);
    expect(requests).toHaveLength(3);
  });

  it('asks again when the early answer was refused, is stale, or was for the last person signed in', async () => {
    const { requests } = stubFetch([
      json(401, { error: { code: 'unauthorized', message: 'Logga in.' } }),
      json(200, ['after login']),
      json(200, ['early, old']),
      json(200, ['fresh']),
      json(200, ['before logout']),
      json(200, ['next person']),
    ]);
    const drafts = () => GET('/api/drafts');
    // Refused (not signed in yet): dropped as soon as it is known, so the page's own call is not refused too.
    askEarly('drafts', drafts);
    await new Promise((r) => setTimeout(r, 0));
    await expect(takeEarly('drafts', drafts)).resolves.toEqual(['after login']);
    // Older than ten seconds: not taken.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      askEarly('drafts', drafts);
      vi.setSystemTime(Date.now() + 11_000);
      await expect(takeEarly('drafts', drafts)).resolves.toEqual(['fresh']);
    } finally {
      vi.useRealTimers();
    }
    askEarly('drafts', drafts);
    forgetVisitAnswers();
    await expect(takeEarly('drafts', drafts)).resolves.toEqual(['next person']);
    expect(requests).toHaveLength(6);
  });

  it('gives the session a kiosk flag, false unless the server says so', async () => {
    stubFetch([
      json(200, { authenticated: false, user: null }),
      json(200, { authenticated: true, user: { name: 'A', roles: ['applicant'], teamId: null }, kiosk: true }),
    ]);
    await expect(authApi.session()).resolves.toEqual({ authenticated: false, user: null, kiosk: false });
    await expect(authApi.session()).resolves.toMatchObject({ authenticated: true, kiosk: true });
  });
});

describe('a request that must happen once (the submission)', () => {
  /** A fetch that records each request's Idempotency-Key and answers from a list. */
  function keyedFetch(answers: (() => Response | Promise<Response>)[]) {
    const keys: (string | null)[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      keys.push(request.headers.get('idempotency-key'));
      const next = answers.shift();
      if (!next) throw new TypeError('no answer left');
      return next();
    });
    return keys;
  }
  const application = {} as Parameters<typeof POST<'/api/applications'>>[1]['body'];
  const send = (key: string) => POST('/api/applications', { body: application, headers: { 'idempotency-key': key } });

  it('sends it again with the same key after a network failure, and answers with what came back', async () => {
    const keys = keyedFetch([() => Promise.reject(new TypeError('connection reset')), json(202, { orderRef: 'o1' })]);
    await expect(sendOnce(send, [0, 0])).resolves.toEqual({ orderRef: 'o1' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('gives up after the last retry, never retries an answer the server gave, and uses a new key for a new submission', async () => {
    const keys = keyedFetch([
      () => Promise.reject(new TypeError('offline')),
      () => Promise.reject(new TypeError('offline')),
      () => Promise.reject(new TypeError('offline')),
      json(409, { error: { code: 'conflict', message: 'Redan skickad.' } }),
    ]);
    await expect(sendOnce(send, [0, 0])).rejects.toMatchObject({ code: 'network' });
    await expect(sendOnce(send, [0, 0])).rejects.toMatchObject({ status: 409, code: 'conflict' });
    expect(keys).toHaveLength(4);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
    expect(randomKey()).not.toBe(randomKey());
  });
});
