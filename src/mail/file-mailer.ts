import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mail, Mailer } from './mailer';

/**
 * The development default (`MAILER=file`): each mail is composed by nodemailer exactly as it
 * would be sent, and written as an `.eml` file (any mail client opens it) under `MAIL_DIR`,
 * by default `./data/mail`. The log gets the file's path only: the links in a mail carry
 * one-time tokens, and no log line may hold one.
 */
export class FileMailer implements Mailer {
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    readonly dir: string,
    private readonly from: string,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  async send(mail: Mail): Promise<void> {
    const info = await this.composer.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
    this.log(`[mail] written to ${file}`);
  }
}
