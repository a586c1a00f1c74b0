import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../i18n/i18n';
import { ApiError, apiError, authApi, fetchJson, fetchJsonOnce, forgetVisitAnswers } from './http';

/** A fetch that answers from a list, counting what was asked. */
function stubFetch(answers: (() => Response | Promise<Response>)[]) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`);
    const next = answers.shift();
    if (!next) throw new TypeError('no answer left');
    return next();
  });
  return calls;
}
const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  forgetVisitAnswers();
});

describe('the entry bundle’s JSON over fetch (no zod)', () => {
  it('reads the server’s error body as ApiErrorSchema describes it, anything else as an unknown answer', () => {
    const e = apiError(400, { error: { code: 'invalidInput', message: 'Fel.', issues: [{ path: 'a.b', message: 'Saknas.' }] } });
    expect(e).toMatchObject({ status: 400, code: 'invalidInput', message: 'Fel.', issues: [{ path: 'a.b', message: 'Saknas.' }] });
    expect(apiError(404, { error: { code: 'notFound', message: 'Hittades inte.' } })).toMatchObject({ code: 'notFound', issues: [] });
    for (const body of [null, 'Bad gateway', { error: { code: 5, message: 'x' } }, { error: { code: 'x', message: 'y', issues: [{ path: 1 }] } }, { message: 'x' }]) {
      expect(apiError(502, body)).toMatchObject({ status: 502, code: 'unknown', message: translate('sv', 'common.serverError') });
    }
  });

  it('answers the JSON as it came, throws ApiError on an error status and on a network failure', async () => {
    stubFetch([json(200, { a: 1 }), json(429, { error: { code: 'tooManyRequests', message: 'Vänta.' } }), () => new Response(null, { status: 204 }), () => Promise.reject(new TypeError('offline'))]);
    await expect(fetchJson('GET', '/api/x')).resolves.toEqual({ a: 1 });
    await expect(fetchJson('POST', '/api/x', {})).rejects.toMatchObject({ status: 429, code: 'tooManyRequests', message: 'Vänta.' });
    await expect(fetchJson('POST', '/api/auth/logout')).resolves.toBeNull();
    const offline = await fetchJson('GET', '/api/x').catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(ApiError);
    expect(offline).toMatchObject({ status: 0, code: 'network' });
  });

  it('asks once per address for answers that stay the same all visit, forgets failures, and forgets all at a new login', async () => {
    const calls = stubFetch([json(500, {}), json(200, { id: 1 }), json(200, { id: 2 })]);
    await expect(fetchJsonOnce('/api/properties/p')).rejects.toMatchObject({ status: 500 });
    const [a, b] = [fetchJsonOnce('/api/properties/p'), fetchJsonOnce('/api/properties/p')];
    expect(a).toBe(b);
    await expect(a).resolves.toEqual({ id: 1 });
    await expect(fetchJsonOnce('/api/properties/p')).resolves.toEqual({ id: 1 });
    forgetVisitAnswers();
    await expect(fetchJsonOnce('/api/properties/p')).resolves.toEqual({ id: 2 });
    expect(calls).toEqual(['GET /api/properties/p', 'GET /api/properties/p', 'GET /api/properties/p']);
  });

  it('gives the session a kiosk flag, false unless the server says so', async () => {
    stubFetch([json(200, { authenticated: false, user: null }), json(200, { authenticated: true, user: { name: 'A', roles: ['applicant'], teamId: null }, kiosk: true })]);
    await expect(authApi.session()).resolves.toEqual({ authenticated: false, user: null, kiosk: false });
    await expect(authApi.session()).resolves.toMatchObject({ authenticated: true, kiosk: true });
  });
});
