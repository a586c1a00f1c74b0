import { z } from 'zod';

/** Luhn over the given digits with weights 2,1,2,1…; returns the check digit that completes them. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Validates a personnummer or samordningsnummer stored as 12 digits YYYYMMDDNNNC.
 * The check digit covers YYMMDDNNN only (never the century); samordningsnummer have day + 60.
 */
export function isValidPersonnummer(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  let day = Number(value.slice(6, 8));
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  return luhnCheckDigit(value.slice(2, 11)) === Number(value[11]);
}

/**
 * Accepts the forms people type (YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC, with or without separator)
 * and returns the 12-digit form, or null. `today` decides the century of 10-digit forms.
 */
export function normalizePersonnummer(input: string, today: Date = new Date()): string | null {
  const trimmed = input.trim();
  let twelve: string;
  const long = /^(\d{8})[-]?(\d{4})$/.exec(trimmed);
  const short = /^(\d{6})([-+]?)(\d{4})$/.exec(trimmed);
  if (long) {
    twelve = long[1]! + long[2]!;
  } else if (short) {
    const yy = Number(short[1]!.slice(0, 2));
    const thisYear = today.getFullYear();
    let century = Math.floor(thisYear / 100) * 100;
    if (century + yy > thisYear) century -= 100;
    if (short[2] === '+') century -= 100;
    twelve = String(century + yy) + short[1]!.slice(2) + short[3]!;
  } else {
    return null;
  }
  return isValidPersonnummer(twelve) ? twelve : null;
}

/** The 12-digit personnummer, check digit verified. */
export const PersonnummerSchema = z
  .string()
  .regex(/^\d{12}$/, 'Personnumret ska ha 12 siffror (ÅÅÅÅMMDDNNNN).')
  .refine(isValidPersonnummer, 'Personnumret är inte giltigt (kontrollsiffran stämmer inte).');
export type Personnummer = z.infer<typeof PersonnummerSchema>;

/** For display to the person themself: YYYYMMDD-NNNN. */
export function formatPersonnummer(pnr: string): string {
  return `${pnr.slice(0, 8)}-${pnr.slice(8)}`;
}
