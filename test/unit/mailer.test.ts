import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMailer, mailerConfig } from '../../src/mail/create-mailer';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { FileMailer } from '../../src/mail/file-mailer';
import { MemoryMailer, NullMailer } from '../../src/mail/mailer';
import { SmtpMailer } from '../../src/mail/smtp-mailer';

describe('mailers', () => {
  it('keeps mail in memory, newest last, by recipient', async () => {
    const mailer = new MemoryMailer();
    await mailer.send({ to: 'a@example.test', subject: 'un', text: '1' });
    await mailer.send({ to: 'b@example.test', subject: 'deux', text: '2' });
    await mailer.send({ to: 'a@example.test', subject: 'trois', text: '3' });
    expect(mailer.to('A@example.test').map((m) => m.subject)).toEqual(['un', 'trois']);
    expect(mailer.last('a@example.test')?.subject).toBe('trois');
    expect(mailer.last('c@example.test')).toBeUndefined();
  });

  it('writes each mail as an .eml file by default and logs only its path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-mail-'));
    try {
      const lines: string[] = [];
      const mailer = new FileMailer(dir, 'Le Journal <no-reply@journal.test>', (line) => lines.push(line));
      await mailer.send({ to: 'a@example.test', subject: 'Objet', text: 'Lien : https://site.test/x?token=SECRET-TOKEN-123' });
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = fs.readFileSync(path.join(dir, files[0]), 'utf8');
      expect(eml).toMatch(/^To: a@example\.test$/m);
      expect(eml).toContain('SECRET-TOKEN-123');
      expect(lines).toEqual([`[mail] written to ${path.join(dir, files[0])}`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('picks the mailer from MAILER, the .eml files under DATA_DIR by default', () => {
    expect(mailerConfig({ DATA_DIR: '/srv/news' })).toEqual({ kind: 'file', dir: path.join('/srv/news', 'mail'), from: expect.any(String) });
    expect(mailerConfig({ MAIL_DIR: '/tmp/boite' })).toMatchObject({ kind: 'file', dir: '/tmp/boite' });
    expect(createMailer({})).toBeInstanceOf(FileMailer);
    expect(createMailer({ MAILER: 'memory' })).toBeInstanceOf(MemoryMailer);
    expect(createMailer({ MAILER: 'none' })).toBeInstanceOf(NullMailer);
    expect(createMailer({ MAILER: 'smtp', SMTP_URL: 'smtp://u:p@127.0.0.1:2525', MAIL_FROM: 'a@b.test' })).toBeInstanceOf(SmtpMailer);
  });

  it('refuses settings that cannot work, with one line naming the variable', () => {
    const refusal = (env: NodeJS.ProcessEnv) => {
      try {
        mailerConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigurationError);
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refusal({ MAILER: 'log' })).toMatch(/^Invalid configuration: MAILER="log": .*"smtp"/);
    expect(refusal({ MAILER: 'smtp', MAIL_FROM: 'a@b.test' })).toMatch(/SMTP_URL/);
    expect(refusal({ MAILER: 'smtp', SMTP_URL: 'smtp://h:25' })).toMatch(/MAIL_FROM/);
    for (const unsafe of [{}, { MAILER: 'file' }, { MAILER: 'memory' }]) {
      const message = refusal({ ...unsafe, NODE_ENV: 'production' });
      expect(message).toMatch(/^MAILER=\w+ .*MAILER=smtp/);
      expect(message).not.toContain('\n');
    }
    expect(mailerConfig({ NODE_ENV: 'production', MAILER: 'none' })).toEqual({ kind: 'none' });
    expect(mailerConfig({ NODE_ENV: 'production', MAILER: 'smtp', SMTP_URL: 'smtps://u:p@mail.test:465', MAIL_FROM: 'a@b.test' })).toMatchObject({ kind: 'smtp' });
  });
});
