import { z } from 'zod';

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
  /** Plain Swedish text for the hint code, ready to show. */
  message: z.string(),
});

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

/** Hint codes of BankID RP API v6 in plain Swedish (BankID's recommended user messages, shortened). */
export const bankIdHintMessages: Record<string, string> = {
  outstandingTransaction: 'Starta BankID-appen.',
  noClient: 'Starta BankID-appen.',
  started: 'Söker efter BankID, det kan ta en liten stund …',
  userMrtd: 'Läs av ditt pass eller id-kort i BankID-appen.',
  userCallConfirm: 'Bekräfta samtalet i BankID-appen.',
  userSign: 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
  expiredTransaction: 'BankID-appen svarade inte i tid. Försök igen.',
  certificateErr: 'Ditt BankID är spärrat eller för gammalt. Skaffa ett nytt BankID hos din bank.',
  userCancel: 'Åtgärden avbröts.',
  cancelled: 'Åtgärden avbröts. Försök igen.',
  startFailed: 'BankID-appen kunde inte startas. Försök igen.',
  notFound: 'Inloggningen hittades inte. Börja om.',
  complete: 'Du är inloggad.',
};

export function bankIdMessage(hintCode: string | undefined, status: 'pending' | 'failed' | 'complete'): string {
  if (status === 'complete') return bankIdHintMessages.complete!;
  if (hintCode && bankIdHintMessages[hintCode]) return bankIdHintMessages[hintCode]!;
  return status === 'failed' ? 'Något gick fel med BankID. Försök igen.' : 'Starta BankID-appen.';
}

/** Starting a BankID sign order answers like a login start. */
export const SignStartResultSchema = LoginStartResultSchema;
