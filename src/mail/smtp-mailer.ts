import nodemailer, { type Transporter } from 'nodemailer';
import type { Mail, Mailer } from './mailer';

/**
 * Real delivery through an SMTP server (`MAILER=smtp`, `SMTP_URL`, `MAIL_FROM`), composed and
 * sent by nodemailer: MIME encoding of accented text and subjects, STARTTLS when the server
 * offers it, authentication from the URL's user and password. Nodemailer's own logger stays
 * off, so no message body (and no token in it) reaches a log.
 */
export class SmtpMailer implements Mailer {
  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {}

  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
  static fromUrl(url: string, from: string): SmtpMailer {
    return new SmtpMailer(nodemailer.createTransport(url), from);
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
