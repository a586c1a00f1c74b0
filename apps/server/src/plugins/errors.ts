import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { RegisterAnswerError, RegisterUnavailableError } from '@lovisa/registry';
import { AppError, type ErrorIssue } from '../errors';

function send(reply: import('fastify').FastifyReply, status: number, code: string, message: string, issues?: ErrorIssue[]) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...(issues && issues.length > 0 ? { issues } : {}) } });
}

/** Fastify's own client-error codes, mapped to ours; anything else with a 4xx status keeps it. */
const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupportedMediaType', 'Innehållstypen stöds inte. Skicka JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payloadTooLarge', 'Förfrågan är för stor.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalidInput', 'Förfrågan saknar innehåll.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalidInput', 'Förfrågan är inte giltig JSON.'],
};

/**
 * One central handler for /api: a client's mistake is a 4xx with the stable shape, and a server fault is a
 * 500 whose message never carries details (they go to the log, which never holds request bodies).
 */
async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return send(reply, err.statusCode, err.code, err.message, err.issues);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) => ({
        path: [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'Ogiltigt värde.',
      }));
      return send(reply, 400, 'invalidInput', 'Uppgifterna är inte giltiga.', issues);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err: { message: err.message, issues: err.cause.issues } }, 'response did not match its schema');
      return send(reply, 500, 'internal', 'Ett oväntat fel inträffade. Försök igen om en stund.');
    }
    if (err instanceof RegisterUnavailableError || err instanceof RegisterAnswerError) {
      request.log.error({ register: err.register, kind: err.name }, 'register failed');
      return send(reply, 503, 'unavailable', 'Vi får inte svar från folkbokförings- eller fastighetsregistret just nu. Försök igen om en stund.');
    }
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return send(reply, mapped[0], mapped[1], mapped[2]);
    if (err.statusCode === 429) return send(reply, 429, 'tooManyRequests', err.message || 'För många förfrågningar. Vänta en stund.');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, err.statusCode === 404 ? 'notFound' : 'invalidInput', 'Förfrågan är inte giltig.');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'Ett oväntat fel inträffade. Försök igen om en stund.');
  });
}

export default fp(errorsPlugin, { name: 'errors' });
