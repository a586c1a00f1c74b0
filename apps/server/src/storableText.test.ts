import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, UNSTORABLE_TEXT_MESSAGE } from '@lovisa/domain';
import { dbKinds } from './test/databases';
import { login, startHarness, type Harness } from './test/harness';
import { fixtureFacts } from './test/fixtureFacts';

/** Text the database cannot keep (NUL, half an emoji) is the client's mistake: 400 naming the place, never 500. */
describe.each(dbKinds)('unstorable text on %s', (kind) => {
  let h: Harness;
  let applicant: string;
  let officer: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    const facts = await fixtureFacts(h.registers);
    applicant = await login(h, facts.applicantA);
    officer = await login(h, facts.officer);
  });
  afterAll(async () => {
    await h?.close();
  });

  const refused = (res: { statusCode: number; json(): unknown }, path: string) => {
    expect(res.statusCode).toBe(400);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error).toMatchObject({
      code: 'invalidInput',
      message: UNSTORABLE_TEXT_MESSAGE,
      messageId: 'server.unstorableText',
      issues: [{ path, message: UNSTORABLE_TEXT_MESSAGE, messageId: 'server.unstorableText' }],
    });
  };

  it('refuses them in a draft, keeps the draft as it was, and saves whole emoji', async () => {
    const id = randomUUID();
    const url = `/api/drafts/${id}`;
    const ok = await h.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: applicant },
      payload: { data: { step: 'details', details: { description: 'Friggebod 🏠' } } },
    });
    expect(ok.statusCode).toBe(200);
    // Raw JSON: the escapes arrive as the parser makes them, a lone surrogate and a NUL.
    const surrogate = await h.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: applicant, 'content-type': 'application/json' },
      payload: '{"data":{"step":"a\\ud800b"}}',
    });
    refused(surrogate, 'body.data.step');
    const nul = await h.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: applicant, 'content-type': 'application/json' },
      payload: '{"data":{"step":"details","details":{"description":"ab\\u0000c"}}}',
    });
    refused(nul, 'body.data.details.description');
    const key = await h.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: applicant, 'content-type': 'application/json' },
      payload: '{"data":{"step":"x","\\u0000":1}}',
    });
    refused(key, 'body.data.\u0000');
    const kept = (await h.app.inject({ method: 'GET', url: '/api/drafts', headers: { cookie: applicant } })).json() as {
      id: string;
      data: { details: { description: string } };
    }[];
    expect(kept.find((d) => d.id === id)?.data.details.description).toBe('Friggebod 🏠');
  });

  it('refuses them in a query string, a path parameter and a sign order reference', async () => {
    refused(
      await h.app.inject({ method: 'GET', url: '/api/officer/queue?q=%00', headers: { cookie: officer } }),
      'query.q',
    );
    refused(
      await h.app.inject({ method: 'GET', url: '/api/officer/cases/%00', headers: { cookie: officer } }),
      'params.id',
    );
    for (const path of [
      '/api/applications/sign/collect',
      '/api/applications/sign/cancel',
      '/api/auth/bankid/collect',
    ]) {
      refused(
        await h.app.inject({
          method: 'POST',
          url: path,
          headers: { cookie: applicant },
          payload: { orderRef: '\u0000' },
        }),
        'body.orderRef',
      );
    }
    refused(
      await h.app.inject({ method: 'GET', url: '/api/applications/sign/%00/qr', headers: { cookie: applicant } }),
      'params.orderRef',
    );
  });
});
