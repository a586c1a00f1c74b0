import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_HELP_TEXT, kioskSessionIdleMs, loadConfig } from './config';
import { kioskRefuses } from './app';
import { login, startHarness, submitSigned, type Harness } from './test/harness';
import { kioskLogin } from './test/kioskLogin';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

// Issue 9, the town-hall kiosk, on the server: settings, the kiosk session kind, the kiosk-only server.

const base = { LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' };

describe('kiosk settings', () => {
  it('defaults to a 90 s idle time, a 30 s countdown, a Swedish help text, and an ordinary server', () => {
    const c = loadConfig(base);
    expect(c.kiosk).toEqual({ only: false, idleSeconds: 90, countdownSeconds: 30, helpText: DEFAULT_KIOSK_HELP_TEXT });
    expect(DEFAULT_KIOSK_HELP_TEXT).toMatch(/Personalen/);
    // A kiosk session lives on the server for the question, the countdown and two minutes more.
    expect(kioskSessionIdleMs(c)).toBe(240_000);
  });

  it('reads KIOSK_ONLY, KIOSK_IDLE_SECONDS, KIOSK_COUNTDOWN_SECONDS and KIOSK_HELP_TEXT, and refuses nonsense', () => {
    const c = loadConfig({
      ...base,
      KIOSK_ONLY: 'true',
      KIOSK_IDLE_SECONDS: '3',
      KIOSK_COUNTDOWN_SECONDS: '5',
      KIOSK_HELP_TEXT: 'Ring på klockan vid disken.',
    });
    expect(c.kiosk).toEqual({
      only: true,
      idleSeconds: 3,
      countdownSeconds: 5,
      helpText: 'Ring på klockan vid disken.',
    });
    expect(() => loadConfig({ ...base, KIOSK_IDLE_SECONDS: '0' })).toThrow(/KIOSK_IDLE_SECONDS/);
    expect(() => loadConfig({ ...base, KIOSK_ONLY: 'kanske' })).toThrow(/KIOSK_ONLY/);
    // Never longer than an ordinary session.
    expect(kioskSessionIdleMs({ ...c, sessionIdleMs: 60_000 })).toBe(60_000);
  });

  it('knows what a kiosk-only server refuses, however the address is spelt', () => {
    for (const url of [
      '/handlaggare',
      '/handlaggare/',
      '/handlaggare/arenden/x',
      '/HANDLAGGARE',
      '/api/officer/queue',
      '/api//officer/queue',
      '/api/%6Ffficer/queue?x=1',
      '/api/dev/outbox',
    ]) {
      expect(kioskRefuses(url), url).toBe(true);
    }
    for (const url of ['/kiosk', '/ansokan/karta', '/api/me', '/api/officers', '/handlaggarens-guide', '/api/session'])
      expect(kioskRefuses(url), url).toBe(false);
  });
});

describe('kiosk sessions on an ordinary server', () => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  beforeAll(async () => {
    h = await startHarness('pglite');
    facts = await fixtureFacts(h.registers);
  });
  afterAll(async () => {
    await h?.close();
  });
  const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('publishes the kiosk settings to the page, uncached and without personal data', async () => {
    const res = await get('/api/kiosk-config');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kioskOnly: false,
      idleSeconds: 90,
      countdownSeconds: 30,
      helpText: DEFAULT_KIOSK_HELP_TEXT,
    });
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('a login started at the kiosk is a kiosk session: applicant rights, and the page is told', async () => {
    const cookie = await kioskLogin(h, facts.applicantA);
    const session = await get('/api/session', cookie);
    expect(session.json()).toMatchObject({
      authenticated: true,
      kiosk: true,
      user: { roles: ['applicant'], teamId: null },
    });
    expect(session.headers['cache-control']).toBe('no-store');
    expect((await get('/api/me/properties', cookie)).statusCode).toBe(200);
    // An ordinary login says it is not one.
    expect((await get('/api/session', await login(h, facts.applicantA))).json().kiosk).toBeUndefined();
  });

  it('an officer who logs in at the kiosk is one more visitor: no officer role, 403 on every officer route', async () => {
    const cookie = await kioskLogin(h, facts.officer);
    expect((await get('/api/session', cookie)).json()).toMatchObject({
      kiosk: true,
      user: { roles: ['applicant'], teamId: null },
    });
    const ordinary = await login(h, facts.officer);
    const { id } = await submitSigned(h, await login(h, facts.applicantA), applicationFor(facts.propertyA));
    for (const url of ['/api/officer/queue', `/api/officer/cases/${id}`, `/api/officer/cases/${id}/site-plan.pdf`]) {
      expect((await get(url, cookie)).statusCode, url).toBe(403);
      expect((await get(url, ordinary)).statusCode, url).toBe(200);
    }
  });

  it('the kiosk logs in with BankID on another device only', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/bankid/start',
      payload: { mode: 'sameDevice', kiosk: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalidInput');
    expect(res.json().error.issues).toEqual([
      {
        path: 'body.mode',
        message: 'Vid kiosken loggar du in med Mobilt BankID på en annan enhet.',
        messageId: 'server.kioskQrOnly',
      },
    ]);
  });

  it('answers everything personal with no-store, so no cache on the kiosk keeps it', async () => {
    const cookie = await kioskLogin(h, facts.applicantA);
    const draftId = '3f0c1d2e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie },
      payload: { data: { step: 'map', propertyId: facts.propertyA.id } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.headers['cache-control']).toBe('no-store');
    const { id } = await submitSigned(h, cookie, applicationFor(facts.propertyA));
    for (const url of [
      '/api/session',
      '/api/me',
      '/api/me/properties',
      '/api/drafts',
      `/api/drafts/${draftId}/attachments`,
      `/api/properties/${facts.propertyA.id}`,
      `/api/properties/${facts.propertyA.id}/surroundings`,
      `/api/properties/${facts.propertyA.id}/neighbours`,
      '/api/me/cases',
      `/api/me/cases/${id}`,
      `/api/me/cases/${id}/site-plan.pdf`,
      '/api/me/messages',
    ]) {
      const res = await get(url, cookie);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('ends a kiosk session on the server soon after the page would have: a dead kiosk browser leaves no live session', async () => {
    const t0 = new Date('2026-11-23T10:00:00+01:00');
    h.setNow(t0);
    const cookie = await kioskLogin(h, facts.applicantA);
    const ordinary = await login(h, facts.applicantA);
    h.setNow(new Date(t0.getTime() + 239_000));
    expect((await get('/api/session', cookie)).json().authenticated).toBe(true);
    h.setNow(new Date(t0.getTime() + 239_000 + 241_000));
    expect((await get('/api/session', cookie)).json().authenticated).toBe(false);
    // An ordinary session, idle as long, is still there.
    expect((await get('/api/session', ordinary)).json().authenticated).toBe(true);
    h.setNow(t0);
  });

  it('logging out also forgets a login the kiosk started and nobody finished', async () => {
    const start = await h.app.inject({
      method: 'POST',
      url: '/api/auth/bankid/start',
      payload: { mode: 'qr', kiosk: true },
    });
    const { orderRef } = start.json() as { orderRef: string };
    const nonce = start.cookies.find((c) => c.name === 'lovisa_login')!.value;
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { lovisa_login: nonce } });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'lovisa_login');
    expect(cleared?.value).toBe('');
    // The order is gone: the QR cannot be shown or collected any more, even with the old cookie.
    const qr = await h.app.inject({
      method: 'GET',
      url: `/api/auth/bankid/${orderRef}/qr`,
      cookies: { lovisa_login: nonce },
    });
    expect(qr.statusCode).toBe(404);
  });

  it('serves the kiosk page itself with no-store (the officer console stays on an ordinary server)', async () => {
    const web = await mkdtemp(path.join(os.tmpdir(), 'lovisa-web-'));
    await writeFile(path.join(web, 'index.html'), '<!doctype html><title>Lovisa</title>');
    const h2 = await startHarness('pglite', { webDist: web });
    try {
      const kiosk = await h2.app.inject({ method: 'GET', url: '/kiosk' });
      expect(kiosk.statusCode).toBe(200);
      expect(kiosk.headers['cache-control']).toBe('no-store');
      const officer = await h2.app.inject({ method: 'GET', url: '/handlaggare' });
      expect(officer.statusCode).toBe(200);
      expect(officer.headers['cache-control']).toBe('no-cache');
    } finally {
      await h2.close();
      await rm(web, { recursive: true, force: true });
    }
  });
});

describe('a kiosk-only server (KIOSK_ONLY=true)', () => {
  let h: Harness;
  let ordinary: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let web: string;
  beforeAll(async () => {
    web = await mkdtemp(path.join(os.tmpdir(), 'lovisa-web-'));
    await writeFile(path.join(web, 'index.html'), '<!doctype html><title>Lovisa</title>');
    const kiosk = { only: true, idleSeconds: 3, countdownSeconds: 3, helpText: 'Ring på klockan vid disken.' };
    h = await startHarness('pglite', { kiosk, webDist: web });
    ordinary = await startHarness('pglite');
    facts = await fixtureFacts(h.registers);
  });
  afterAll(async () => {
    await h?.close();
    await ordinary?.close();
    await rm(web, { recursive: true, force: true });
  });
  const get = (url: string, cookie?: string) => h.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('tells the page it is a kiosk, with the configured idle time, countdown and help text', async () => {
    expect((await get('/api/kiosk-config')).json()).toEqual({
      kioskOnly: true,
      idleSeconds: 3,
      countdownSeconds: 3,
      helpText: 'Ring på klockan vid disken.',
    });
  });

  it('never serves the officer console page: 404, while every other page goes to the kiosk', async () => {
    for (const url of [
      '/handlaggare',
      '/handlaggare/',
      '/handlaggare/arenden/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      '/HANDLAGGARE',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<!doctype html>');
    }
    for (const url of ['/', '/logga-in', '/logga-in?roll=handlaggare', '/ansokan/karta', '/mina-arenden']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location, url).toBe('/kiosk');
    }
    const kiosk = await get('/kiosk/logga-in');
    expect(kiosk.statusCode).toBe(200);
    expect(kiosk.headers['cache-control']).toBe('no-store');
  });

  it('makes every login a kiosk login, QR only: even an officer gets applicant rights alone', async () => {
    const cookie = await kioskLogin(h, facts.officer, { mode: 'qr' });
    expect((await get('/api/session', cookie)).json()).toMatchObject({
      kiosk: true,
      user: { roles: ['applicant'], teamId: null },
    });
    const same = await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'sameDevice' } });
    expect(same.statusCode).toBe(400);
  });

  it('answers 404 on every officer API route, for every caller; the officer routes are not even registered', async () => {
    const officerRoutes = ordinary.app.routeTable.filter(
      (r) => r.url.startsWith('/api/officer') && r.method !== 'HEAD',
    );
    expect(officerRoutes.length).toBeGreaterThan(10);
    // Only the officer's situationsplan remains registered (it shares a file with the applicant's); refused all the same.
    expect(h.app.routeTable.filter((r) => r.url.startsWith('/api/officer') && r.method !== 'HEAD')).toEqual([
      { method: 'GET', url: '/api/officer/cases/:id/site-plan.pdf' },
    ]);
    const callers = [
      undefined,
      await kioskLogin(h, facts.applicantA),
      await kioskLogin(h, facts.officer),
      await kioskLogin(h, facts.teamLead),
    ];
    const { id } = await submitSigned(h, callers[1]!, applicationFor(facts.propertyA));
    for (const route of officerRoutes) {
      const url = route.url.replace(':id', id).replace(':kind', 'decision');
      for (const cookie of callers) {
        const res = await h.app.inject({
          method: route.method as 'GET',
          url,
          headers: cookie ? { cookie } : {},
          ...(route.method === 'POST' ? { payload: { version: 0 } } : {}),
        });
        expect(res.statusCode, `${route.method} ${url}`).toBe(404);
        expect(res.json().error.code).toBe('notFound');
      }
    }
    // The demo e-mail outbox (other people's messages) is not shown on a kiosk either.
    expect((await get('/api/dev/outbox')).statusCode).toBe(404);
  });

  it('still does everything an applicant does: drafts are kept on the server for the visitor to finish at home', async () => {
    const cookie = await kioskLogin(h, facts.applicantA);
    const draftId = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie },
      payload: { data: { step: 'map', propertyId: facts.propertyA.id } },
    });
    expect(put.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await get('/api/drafts', cookie)).statusCode).toBe(401);
    // "At home": the same person, another login, finds the draft.
    const home = await login(h, facts.applicantA);
    expect((await get('/api/drafts', home)).json().map((d: { id: string }) => d.id)).toContain(draftId);
  });
});
