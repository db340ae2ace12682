import path from 'node:path';
import { readSetting } from '../config/settings';
import { ConfigurationError } from '../errors/configuration-error';
import { FileMailer } from './file-mailer';
import { MemoryMailer, NullMailer, type Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

const DEFAULT_FROM = 'Newsroom <no-reply@newsroom.example>';

export type MailerConfig =
  | { kind: 'smtp'; url: string; from: string }
  | { kind: 'file'; dir: string; from: string }
  | { kind: 'memory' }
  | { kind: 'none' };

/**
 * Reads the mail settings, refusing at start what cannot work: SMTP without SMTP_URL or
 * MAIL_FROM, an unknown MAILER, and in production any mailer that keeps links readable
 * outside the recipient's mailbox (the file default, memory): reset and verification links
 * are account takeovers for whoever reads them.
 */
export function mailerConfig(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  const MAILER = readSetting('MAILER', env) ?? 'file';
  const SMTP_URL = readSetting('SMTP_URL', env);
  const MAIL_FROM = readSetting('MAIL_FROM', env);
  const NODE_ENV = env.NODE_ENV;
  if (NODE_ENV === 'production' && (MAILER === 'file' || MAILER === 'memory')) {
    throw new ConfigurationError(
      `MAILER=${MAILER} keeps password-reset and verification links readable outside the mailbox; in production set MAILER=smtp with SMTP_URL and MAIL_FROM (or MAILER=none to send no mail)`,
    );
  }
  if (MAILER === 'smtp') {
    if (!SMTP_URL) throw new ConfigurationError('MAILER=smtp needs SMTP_URL=smtp://user:pass@host:port (or smtps://)');
    if (!MAIL_FROM) throw new ConfigurationError('MAILER=smtp needs MAIL_FROM (e.g. "Le Journal <no-reply@journal.fr>")');
    return { kind: 'smtp', url: SMTP_URL, from: MAIL_FROM };
  }
  if (MAILER === 'file') return { kind: 'file', dir: readSetting('MAIL_DIR', env) ?? path.join(readSetting('DATA_DIR', env) ?? path.resolve(process.cwd(), 'data'), 'mail'), from: MAIL_FROM ?? DEFAULT_FROM };
  return { kind: MAILER };
}

/** The mailer the environment asks for (see `mailerConfig`); throws ConfigurationError for settings it cannot start with. */
export function createMailer(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = mailerConfig(env);
  switch (config.kind) {
    case 'smtp':
      return SmtpMailer.fromUrl(config.url, config.from);
    case 'file':
      return new FileMailer(config.dir, config.from);
    case 'memory':
      return new MemoryMailer();
    case 'none':
      return new NullMailer();
  }
}
