import { z } from 'zod';
import { ApiErrorSchema, ConsentCodeSchema } from '@lovisa/domain';

/** `/…/:id` of a stored row: a UUID, so a malformed id is a 400 before any lookup. */
export const idParams = z.object({ id: z.uuid() });

/** What a case route can answer besides its success: bad input, not signed in, not allowed, unknown, changed. */
export const caseRouteErrors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  409: ApiErrorSchema,
};

/** `/consents/:code…`: an invitation's code, checked for shape before any lookup. */
export const consentCodeParams = z.object({ code: ConsentCodeSchema });

/** What a consent route can answer besides its success: also 410 for a withdrawn or expired invitation. */
export const consentRouteErrors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  404: ApiErrorSchema,
  410: ApiErrorSchema,
};
