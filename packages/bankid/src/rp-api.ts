import { z } from 'zod';

/**
 * The wire contract of BankID's Relying Party API v6.0, shared by the RP client and the simulator so the two
 * cannot drift apart. Limits follow BankID's documentation of v6.0.
 */

/** Strict UTF-8, so text that BankID would show as mojibake is refused up front. */
function isUtf8(base64: string): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64'));
    return true;
  } catch {
    return false;
  }
}

/** 12 digits YYYYMMDDNNNC: BankID takes no separator and no two-digit year. */
export const PersonalNumberSchema = z.string().regex(/^\d{12}$/, 'must be 12 digits YYYYMMDDNNNC');

export const RequirementSchema = z.object({
  pinCode: z.boolean().optional(),
  mrtd: z.boolean().optional(),
  cardReader: z.enum(['class1', 'class2']).optional(),
  certificatePolicies: z
    .array(z.string().regex(/^\d+(\.\d+)+$/, 'must be an OID'))
    .min(1)
    .max(20)
    .optional(),
  personalNumber: PersonalNumberSchema.optional(),
});
export type Requirement = z.infer<typeof RequirementSchema>;

const EndUserIpSchema = z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' });

/** BankID counts these limits in characters after base64 encoding. */
const UserVisibleDataSchema = z
  .base64('must be base64')
  .min(1)
  .max(1_500)
  .refine(isUtf8, 'must be base64 of UTF-8 text');
const UserNonVisibleDataSchema = z.base64('must be base64').min(1).max(200_000);

const AppContextSchema = z.object({
  appIdentifier: z.string().min(1).max(200),
  deviceOS: z.string().min(1).max(200),
  deviceModelName: z.string().min(1).max(200),
  deviceIdentifier: z.string().min(1).max(200),
});
const WebContextSchema = z.object({
  referringDomain: z.string().min(1).max(253),
  userAgent: z.string().min(1).max(1_000),
  deviceIdentifier: z.string().min(1).max(200),
});

export const AuthRequestSchema = z.object({
  endUserIp: EndUserIpSchema,
  requirement: RequirementSchema.optional(),
  userVisibleData: UserVisibleDataSchema.optional(),
  userVisibleDataFormat: z.literal('simpleMarkdownV1', { error: 'must be "simpleMarkdownV1"' }).optional(),
  userNonVisibleData: UserNonVisibleDataSchema.optional(),
  returnUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2_048)
    .optional(),
  returnRisk: z.boolean().optional(),
  app: AppContextSchema.optional(),
  web: WebContextSchema.optional(),
});
export type AuthRequest = z.infer<typeof AuthRequestSchema>;

/** A signature always shows the user what is signed. */
export const SignRequestSchema = AuthRequestSchema.extend({ userVisibleData: UserVisibleDataSchema });
export type SignRequest = z.infer<typeof SignRequestSchema>;

export const OrderResponseSchema = z.object({
  orderRef: z.string().min(1),
  autoStartToken: z.string().min(1),
  qrStartToken: z.string().min(1),
  qrStartSecret: z.string().min(1),
});
export type OrderResponse = z.infer<typeof OrderResponseSchema>;

// BankID's order refs are UUIDs: printable ASCII, no spaces; anything else is `invalidParameters`, as at BankID.
export const OrderRefRequestSchema = z.object({
  orderRef: z.string().regex(/^[\x21-\x7e]{1,100}$/, 'must be an order reference'),
});
export type CollectRequest = z.infer<typeof OrderRefRequestSchema>;
export type CancelRequest = z.infer<typeof OrderRefRequestSchema>;

/** Hint codes BankID documents for v6.0; the client still accepts new ones, as BankID asks RPs to. */
export const pendingHintCodes = [
  'outstandingTransaction',
  'noClient',
  'started',
  'userMrtd',
  'userCallConfirm',
  'userSign',
] as const;
export const failedHintCodes = [
  'expiredTransaction',
  'certificateErr',
  'userCancel',
  'cancelled',
  'startFailed',
  'userDeclinedCall',
  'notSupportedByUserApp',
  'transactionRiskBlocked',
] as const;
export type PendingHintCode = (typeof pendingHintCodes)[number];
export type FailedHintCode = (typeof failedHintCodes)[number];

export const CompletionDataSchema = z.object({
  user: z.object({
    personalNumber: z.string(),
    name: z.string(),
    givenName: z.string(),
    surname: z.string(),
  }),
  device: z.object({ ipAddress: z.string(), uhi: z.string().optional() }),
  bankIdIssueDate: z.string(),
  stepUp: z.object({ mrtd: z.boolean() }).optional(),
  signature: z.string(),
  ocspResponse: z.string(),
  risk: z.string().optional(),
});
export type CompletionData = z.infer<typeof CompletionDataSchema>;

export const CollectResponseSchema = z.discriminatedUnion('status', [
  z.object({ orderRef: z.string(), status: z.literal('pending'), hintCode: z.string() }),
  z.object({ orderRef: z.string(), status: z.literal('failed'), hintCode: z.string() }),
  z.object({ orderRef: z.string(), status: z.literal('complete'), completionData: CompletionDataSchema }),
]);
export type CollectResponse = z.infer<typeof CollectResponseSchema>;

export const CancelResponseSchema = z.object({});

export const ErrorResponseSchema = z.object({ errorCode: z.string(), details: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Error codes BankID documents, with their HTTP status. */
export const bankIdErrorStatus = {
  alreadyInProgress: 400,
  invalidParameters: 400,
  unauthorized: 401,
  notFound: 404,
  methodNotAllowed: 405,
  requestTimeout: 408,
  unsupportedMediaType: 415,
  internalError: 500,
  maintenance: 503,
} as const;
export type BankIdApiErrorCode = keyof typeof bankIdErrorStatus;
