import { z } from 'zod';

const MessageParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.object({ sv: z.string(), en: z.string() })]),
);

/**
 * The one error shape of every /api response that is not a success. `message` is Swedish, for API clients;
 * `messageId` (with `params`), where the server names one, is the stable id of that text in the message
 * catalogues (packages/domain/src/messages), which the web renders in the visitor's language.
 */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageId: z.string().optional(),
    params: MessageParamsSchema.optional(),
    issues: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          messageId: z.string().optional(),
          params: MessageParamsSchema.optional(),
        }),
      )
      .optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const errorCodes = {
  invalidInput: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  gone: 410,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorCodes;
