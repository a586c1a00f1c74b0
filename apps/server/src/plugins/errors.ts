import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { RegisterAnswerError, RegisterUnavailableError } from '@lovisa/registry';
import { isDomainMessageId, swedishText, type DomainMessageId, type MessageParams } from '@lovisa/domain';
import { AppError, type ErrorIssue } from '../errors';

interface Said {
  message: string;
  messageId?: string | undefined;
  params?: MessageParams | undefined;
}
/** A text by message id: the Swedish for `message`, the id for the web (see ApiErrorSchema). */
const said = (id: DomainMessageId): Said => ({ message: swedishText(id), messageId: id });

function send(
  reply: import('fastify').FastifyReply,
  status: number,
  code: string,
  { message, messageId, params }: Said,
  issues?: ErrorIssue[],
) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .send({
      error: {
        code,
        message,
        ...(messageId ? { messageId } : {}),
        ...(params ? { params } : {}),
        ...(issues && issues.length > 0 ? { issues } : {}),
      },
    });
}

/** A schema's issue: the domain's schemas give a message id as zod's message (packages/domain/src/messages). */
function schemaIssue(path: string, message: string | undefined): ErrorIssue {
  if (message && isDomainMessageId(message)) return { path, message: swedishText(message), messageId: message };
  return message ? { path, message } : { path, ...said('server.invalidValue') };
}

/** Fastify's own client-error codes, mapped to ours; anything else with a 4xx status keeps it. */
const fastifyCodes: Record<string, [number, string, DomainMessageId]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupportedMediaType', 'server.unsupportedMediaType'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payloadTooLarge', 'server.payloadTooLarge'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalidInput', 'server.emptyBody'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalidInput', 'server.invalidJson'],
};

/**
 * One central handler for /api: a client's mistake is a 4xx with the stable shape, and a server fault is a
 * 500 whose message never carries details (they go to the log, which never holds request bodies).
 */
async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError)
      return send(
        reply,
        err.statusCode,
        err.code,
        { message: err.message, messageId: err.messageId, params: err.params },
        err.issues,
      );
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues = err.validation.map((v) =>
        schemaIssue(
          [
            where,
            ...String(v.instancePath ?? '')
              .split('/')
              .filter(Boolean),
          ].join('.'),
          v.message,
        ),
      );
      return send(reply, 400, 'invalidInput', said('server.invalidInput'), issues);
    }
    if (isResponseSerializationError(err)) {
      request.log.error(
        { err: { message: err.message, issues: err.cause.issues } },
        'response did not match its schema',
      );
      return send(reply, 500, 'internal', said('server.internal'));
    }
    if (err instanceof RegisterUnavailableError || err instanceof RegisterAnswerError) {
      request.log.error({ register: err.register, kind: err.name }, 'register failed');
      return send(reply, 503, 'unavailable', said('server.registersUnavailable'));
    }
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return send(reply, mapped[0], mapped[1], said(mapped[2]));
    if (err.statusCode === 429)
      return send(
        reply,
        429,
        'tooManyRequests',
        err.message ? { message: err.message } : said('server.tooManyRequests'),
      );
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(
        reply,
        err.statusCode,
        err.statusCode === 404 ? 'notFound' : 'invalidInput',
        said('server.badRequest'),
      );
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', said('server.internal'));
  });
}

export default fp(errorsPlugin, { name: 'errors' });
