import nodemailer from 'nodemailer';

/** One e-mail as Lovisa sends it: plain text, one recipient. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID: if a crash makes Lovisa send an entry twice, mail clients see one message. */
  messageId: string;
}

/** What the outbox sender needs of a mail server; a municipality may put its own relay or API behind it. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Why an attempt failed, as the mail server put it: its reply code and first line, no addresses. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** 5xx replies are permanent (the address does not exist); 4xx and network errors are worth retrying. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Removes anything that looks like an e-mail address, so a stored or logged error holds no personal data. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<adress>');
}

/**
 * SMTP through nodemailer, configured by one URL as nodemailer reads it: `smtp://user:pass@host:587`
 * (STARTTLS when the server offers it) or `smtps://…:465`; query parameters such as `?pool=true` pass through.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      try {
        await transporter.sendMail({ ...message, textEncoding: 'quoted-printable' });
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
        const reply = e.response?.split(/\r?\n/)[0] ?? e.message ?? 'unknown error';
        const code = e.responseCode ?? e.code ?? 'error';
        throw new MailDeliveryError(
          withoutAddresses(`${code}: ${reply}`).slice(0, 300),
          typeof e.responseCode === 'number' && e.responseCode >= 500,
        );
      }
    },
    close() {
      transporter.close();
    },
  };
}

/** The domain of the sender's address ("Kjellstavik kommun <bygglov@kjellstavik.se>" → kjellstavik.se). */
export function messageIdDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'lovisa.invalid';
}
