import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { findUnstorableText, swedishText } from '@lovisa/domain';
import { appError } from '../errors';

/**
 * Every parsed body, query string and path parameter is searched for text the database cannot keep (NUL, lone
 * surrogates) before any schema runs, so no route can forget it and no such string ever reaches a query: 400
 * with the place named, instead of a database error. The BankID simulator is left alone: it speaks BankID's
 * own error shape and stores nothing.
 */
async function storableTextPlugin(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url?.startsWith('/bankid-sim')) return;
    for (const [where, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const found = findUnstorableText(value);
      if (found) {
        throw appError('invalidInput', 'server.unstorableText', undefined, [
          {
            path: [where, ...found].join('.'),
            message: swedishText('server.unstorableText'),
            messageId: 'server.unstorableText',
          },
        ]);
      }
    }
  });
}

export default fp(storableTextPlugin, { name: 'storable-text', dependencies: ['errors'] });
