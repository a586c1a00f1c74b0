import type { FastifyError, FastifyInstance } from 'fastify';
import { bankIdErrorStatus, type BankIdApiErrorCode } from '../rp-api';

/** An answer in BankID's error shape; thrown by handlers and content-type parsers alike. */
export class SimError extends Error {
  constructor(
    readonly errorCode: BankIdApiErrorCode,
    readonly details: string,
  ) {
    super(details);
  }
}

/** Paths that exist, with the one method each takes, so other methods get BankID's 405 rather than 404. */
const knownPaths: [RegExp, string][] = [
  [/^\/rp\/v6\.0\/(auth|sign|collect|cancel)$/, 'POST'],
  [/^\/app(\/|\/find)?$/, 'GET, HEAD'],
  [/^\/app\/orders\/[^/]+$/, 'GET, HEAD'],
  [/^\/app\/orders\/[^/]+\/(approve|cancel)$/, 'POST'],
];

/**
 * BankID's error shape for everything under the simulator's prefix, and never a stack trace: framework
 * errors (bad JSON, wrong media type, body too large) are mapped to the codes BankID uses for them.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SimError, request, reply) => {
    if (error instanceof SimError) {
      return reply
        .status(bankIdErrorStatus[error.errorCode])
        .send({ errorCode: error.errorCode, details: error.details });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ errorCode: 'unsupportedMediaType', details: 'Content-Type must be application/json' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(400).send({ errorCode: 'invalidParameters', details: 'Malformed request' });
    }
    request.log.error({ err: error }, 'bankid simulator failed');
    return reply.status(500).send({ errorCode: 'internalError', details: 'Internal error' });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!.slice(app.prefix.length);
    const known = knownPaths.find(([pattern]) => pattern.test(path));
    if (known) {
      return reply
        .status(405)
        .header('allow', known[1])
        .send({ errorCode: 'methodNotAllowed', details: `Only ${known[1]} is allowed` });
    }
    return reply.status(404).send({ errorCode: 'notFound', details: 'No such endpoint' });
  });
}
