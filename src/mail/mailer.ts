/** One plain-text mail. */
export type Mail = { to: string; subject: string; text: string };

/** Sends mail. Implementations must not throw for a bad recipient: callers never reveal delivery. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close?(): Promise<void>;
}

/** Keeps sent mail in memory (`MAILER=memory`): tests read the tokens from it. */
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

/** Drops every mail (`MAILER=none`): an install that sends none, knowingly. */
export class NullMailer implements Mailer {
  async send(): Promise<void> {}
}
