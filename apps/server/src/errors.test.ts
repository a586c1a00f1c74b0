import { describe, expect, it } from 'vitest';
import { finding } from '@lovisa/domain';
import { appError, blockedBy, notFound } from './errors';

describe('errors by message id', () => {
  it('takes the Swedish from the catalogue and keeps the id and its parameters', () => {
    expect(appError('tooManyRequests', 'server.tooManyAttempts', { seconds: 30 })).toMatchObject({
      statusCode: 429,
      message: 'För många försök. Vänta 30 sekunder och försök igen.',
      messageId: 'server.tooManyAttempts',
      params: { seconds: 30 },
    });
    expect(notFound('case')).toMatchObject({
      statusCode: 404,
      message: 'Ärendet finns inte.',
      messageId: 'server.notFound.case',
    });
  });

  it('refuses a blocked application with each finding by id, words in both languages', () => {
    const attach = {
      ...finding('MISSING_ATTACHMENT', { attachment: { sv: 'situationsplan', en: 'site plan' } }),
      step: 'attachments',
    };
    const outside = { ...finding('OUTSIDE_PROPERTY'), step: 'map' };
    const one = blockedBy([outside]);
    expect(one).toMatchObject({
      message: 'Byggnaden ligger utanför fastighetsgränsen.',
      messageId: 'finding.OUTSIDE_PROPERTY',
    });
    expect(one.issues).toEqual([
      {
        path: 'rules.map.OUTSIDE_PROPERTY',
        message: 'Byggnaden ligger utanför fastighetsgränsen.',
        messageId: 'finding.OUTSIDE_PROPERTY',
      },
    ]);
    const two = blockedBy([outside, attach]);
    expect(two).toMatchObject({
      messageId: 'server.applicationBlocked',
      message: 'Ansökan kan inte skickas än. Rätta det som står nedan.',
    });
    expect(two.issues![1]).toEqual({
      path: 'rules.attachments.MISSING_ATTACHMENT',
      message: 'Bifoga situationsplan.',
      messageId: 'finding.MISSING_ATTACHMENT',
      params: { attachment: { sv: 'situationsplan', en: 'site plan' } },
    });
  });
});
