import { describe, expect, it } from 'vitest';
import { apiLogin as login, draftWithDrawings, simApprove, useServers } from './support';

const APPLICANT = '198202029289';
const PROPERTY = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23'; // Kjellstavik Eken 1:23, E 620 060–620 090, N 6 650 005–6 650 040

describe('the server killed with SIGKILL and started again', () => {
  const servers = useServers();

  it('keeps drafts, cases and sessions that were acknowledged', async () => {
    const first = await servers.start();
    const cookie = await login(first.baseUrl, APPLICANT);
    const json = { 'content-type': 'application/json', cookie };
    const draftId = '0f6d1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const draft = await fetch(`${first.baseUrl}/api/drafts/${draftId}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ data: { step: 'map', propertyId: PROPERTY } }),
    });
    expect(draft.status).toBe(200);
    // 8 × 7 m in the middle of Eken 1:23: over the 30 m² exemption, so a permit, and within the plan.
    const ring = [
      [620_071, 6_650_019],
      [620_079, 6_650_019],
      [620_079, 6_650_026],
      [620_071, 6_650_026],
      [620_071, 6_650_019],
    ];
    const submitted = await fetch(`${first.baseUrl}/api/applications`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        draftId: await draftWithDrawings(first.baseUrl, cookie, PROPERTY),
        propertyId: PROPERTY,
        measure: 'outbuilding',
        footprints: [{ id: 'f1', measure: 'outbuilding', geometry: { type: 'Polygon', coordinates: [ring] } }],
        details: {
          description: 'Dubbelgarage i trä, 56 m².',
          ridgeHeightM: 3,
          plannedStart: '2027-05-01',
          email: 'anna@example.se',
        },
      }),
    });
    expect(submitted.status).toBe(202); // submitting starts the BankID signature
    const { orderRef } = (await submitted.json()) as { orderRef: string };
    await simApprove(first.baseUrl, orderRef, APPLICANT);
    const signed = await fetch(`${first.baseUrl}/api/applications/sign/collect`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ orderRef }),
    });
    const { diaryNumber } = ((await signed.json()) as { case: { diaryNumber: string } }).case;

    expect(await first.stop('SIGKILL')).toBeNull(); // killed, not exited
    const second = await servers.start({ dataDir: first.dataDir });

    const cases = await fetch(`${second.baseUrl}/api/me/cases`, { headers: { cookie } });
    expect(cases.status).toBe(200); // the session survived
    expect(((await cases.json()) as { diaryNumber: string }[]).map((c) => c.diaryNumber)).toEqual([diaryNumber]);
    const drafts = (await (await fetch(`${second.baseUrl}/api/drafts`, { headers: { cookie } })).json()) as {
      id: string;
    }[];
    expect(drafts.map((d) => d.id)).toEqual([draftId]);
  });
});
