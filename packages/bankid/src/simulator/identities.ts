/** A fixture person a tester can log in or sign as. */
export interface SimIdentity {
  /** 12 digits YYYYMMDDNNNC. */
  personalNumber: string;
  givenName: string;
  surname: string;
}

/** YYYYMMDD-NNNN: the long form, so a tester can tell centuries apart. */
export function formatPersonalNumber(personalNumber: string): string {
  return /^\d{12}$/.test(personalNumber) ? `${personalNumber.slice(0, 8)}-${personalNumber.slice(8)}` : personalNumber;
}

/** The option text e2e tests select by; keep it stable. */
export function identityLabel(identity: SimIdentity): string {
  return `${identity.givenName} ${identity.surname} (${formatPersonalNumber(identity.personalNumber)})`;
}
