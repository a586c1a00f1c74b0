import { z } from 'zod';
import { bankIdMessageId } from './messages/bankid';
import { domainSv } from './messages/sv';

export const LoginModeSchema = z.enum(['qr', 'sameDevice']);

export const LoginStartInputSchema = z.object({ mode: LoginModeSchema });
export const LoginStartResultSchema = z.object({
  orderRef: z.string(),
  /** Only for "BankID på den här enheten": the browser opens bankid:///?autostarttoken=… */
  autoStartToken: z.string(),
  /** How often the browser should collect (BankID asks for 2 s; tests may set it lower). */
  pollIntervalMs: z.number().int().positive(),
});

export const LoginCollectInputSchema = z.object({ orderRef: z.string().min(1).max(100) });
export const LoginStatusSchema = z.enum(['pending', 'failed', 'complete']);
export const LoginCollectResultSchema = z.object({
  status: LoginStatusSchema,
  hintCode: z.string().optional(),
  /** Plain Swedish text for the hint code, for API clients; the web renders `bankIdMessageId(hintCode, status)`. */
  message: z.string(),
});
export type LoginCollectResult = z.infer<typeof LoginCollectResultSchema>;

export const QrResultSchema = z.object({ svg: z.string(), qrData: z.string() });

export const RoleSchema = z.enum(['applicant', 'officer']);
export type Role = z.infer<typeof RoleSchema>;

export const SessionInfoSchema = z.object({
  authenticated: z.boolean(),
  user: z
    .object({
      name: z.string(),
      roles: z.array(RoleSchema),
      teamId: z.string().nullable(),
    })
    .nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export { bankIdMessageId } from './messages/bankid';

/** The Swedish words of bankIdMessageId, for API clients (the `message` of a collect answer). */
export const bankIdMessage = (hintCode: string | undefined, status: 'pending' | 'failed' | 'complete'): string =>
  domainSv[bankIdMessageId(hintCode, status)];

/** Starting a BankID sign order answers like a login start. */
export const SignStartResultSchema = LoginStartResultSchema;
