import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFixturesDir, loadFixtureRegisters, type Registers } from '@lovisa/registry';
import { dbKinds } from './test/databases';
import { login, startHarness, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { startMetricsServer } from './metrics/server';
import { sample } from './test/metricsText';

describe.each(dbKinds)('operations endpoints (%s)', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let metrics: Awaited<ReturnType<typeof startMetricsServer>>;
  let registersDown = false;
  let bankIdDown = false;

  beforeAll(async () => {
    const fixtures = await loadFixtureRegisters(defaultFixturesDir());
    // The registers and BankID as an operator would lose them: answering until they are switched off.
    const registers: Registers = {
      ...fixtures,
      staff: {
        ...fixtures.staff,
        teams: () => (registersDown ? Promise.reject(new Error('registers down')) : fixtures.staff.teams()),
      },
    };
    h = await startHarness(
      kind,
      {},
      {
        registers,
        bankidFetch: (input, init) => (bankIdDown ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
      },
    );
    facts = await fixtureFacts(h.registers);
    metrics = await startMetricsServer(h.app.metrics.registry, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    metrics?.server.close();
    await h?.close();
  });

  it('counts a signed submission, its BankID orders, its requests and the queue, on a port of their own', async () => {
    const cookie = await login(h, facts.applicantA);
    await submitSigned(h, cookie, applicationFor(facts.propertyA));
    const res = await fetch(metrics.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'lovisa_applications_received_total{measure="outbuilding"}')).toBe(1);
    expect(sample(text, 'lovisa_bankid_orders_ended_total{kind="sign",outcome="complete",hint=""}')).toBe(1);
    expect(sample(text, 'lovisa_bankid_orders_ended_total{kind="login",outcome="complete",hint=""}')).toBe(1);
    expect(
      sample(text, 'lovisa_http_requests_total{route="/api/applications/sign/collect",method="POST",status="200"}'),
    ).toBe(1);
    expect(sample(text, 'lovisa_http_request_duration_seconds_count{route="/api/applications",method="POST"}')).toBe(1);
    expect(sample(text, 'lovisa_cases{status="received"}')).toBe(1);
    // The receipt e-mail waits in the outbox (no mail server in tests).
    expect(sample(text, 'lovisa_outbox_unsent')).toBeGreaterThanOrEqual(1);
    if (kind === 'postgres') expect(sample(text, 'lovisa_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(sample(text, 'lovisa_process_resident_memory_bytes')).toBeGreaterThan(0);
    // Statements are counted as they are sent: a login and a signed submission send a few dozen, and a request
    // that asks the database adds to them.
    const statements = sample(text, 'lovisa_db_statements_total');
    expect(statements).toBeGreaterThan(20);
    await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(sample(await (await fetch(metrics.url)).text(), 'lovisa_db_statements_total')).toBeGreaterThan(statements!);
    // Route patterns only: no ids, no personnummer.
    expect(text).not.toContain(facts.applicantA);
    expect(text).not.toContain(facts.applicantA.slice(2));
    expect(text).not.toContain(facts.propertyA.id);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  it('serves nothing else on the metrics port, and no /metrics on the public one', async () => {
    expect((await fetch(metrics.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(metrics.url, { method: 'POST' })).status).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('is live while it runs, and ready only while the database, the registers and BankID answer', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', registers: 'ok', bankid: 'ok' } });

    registersDown = true;
    bankIdDown = true;
    try {
      const down = await h.app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({
        status: 'notReady',
        checks: { database: 'ok', registers: 'failed', bankid: 'failed' },
      });
      // Liveness asks nothing: a dependency down is no reason to restart the process.
      expect((await h.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      registersDown = false;
      bankIdDown = false;
    }
  });
});
