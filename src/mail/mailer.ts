/** One plain-text mail. */
export type Mail = { to: string; subject: string; text: string };

/** Sends mail. Implementations must not throw for a bad recipient: callers never reveal delivery. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The default: mail goes to the log, one line per mail, so a development setup works without
 * an SMTP server. Links in the text carry one-time tokens, which is fine on a developer's
 * console but not in production logs: production should plug a real sender in.
 */
export class LogMailer implements Mailer {
  constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}

  async send(mail: Mail): Promise<void> {
    this.log(`[mail] to=${mail.to} subject=${JSON.stringify(mail.subject)}\n${mail.text}`);
  }
}

/** Keeps sent mail in memory: tests read the tokens from it. */
export class MemoryMailer implements Mailer {
  readonly sent: Mail[] = [];

  async send(mail: Mail): Promise<void> {
    this.sent.push({ ...mail });
  }

  /** Mail sent to `to`, oldest first. */
  to(to: string): Mail[] {
    return this.sent.filter((m) => m.to === to.toLowerCase());
  }

  /** The newest mail to `to`, or undefined. */
  last(to: string): Mail | undefined {
    const all = this.to(to);
    return all[all.length - 1];
  }
}

/** `MAILER=memory` keeps mail in memory, `MAILER=none` drops it; anything else logs it. */
export function createMailer(env: NodeJS.ProcessEnv = process.env): Mailer {
  if (env.MAILER === 'memory') return new MemoryMailer();
  if (env.MAILER === 'none') return { send: async () => undefined };
  return new LogMailer();
}
