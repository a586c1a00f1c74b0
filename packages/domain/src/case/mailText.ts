/**
 * An e-mail about a case ends with the way back to it: the case's page in Mina ärenden, behind a BankID login.
 * The link names only the case's id (no personal data), and a message without a known address for the service
 * goes out as it is, rather than with a link that leads nowhere.
 */
export function caseMailText(body: string, caseId: string, publicUrl: string | null): string {
  if (!publicUrl) return body;
  return `${body}\n\nSe ärendet och svara i Mina ärenden (logga in med BankID):\n${publicUrl}/mina-arenden/${caseId}`;
}
