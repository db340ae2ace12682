import { createMailer, LogMailer, MemoryMailer } from '../../src/mail/mailer';

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

  it('writes mail to the log by default', async () => {
    const lines: string[] = [];
    await new LogMailer((line) => lines.push(line)).send({ to: 'a@example.test', subject: 'Objet', text: 'Corps' });
    expect(lines).toEqual(['[mail] to=a@example.test subject="Objet"\nCorps']);
    expect(createMailer({})).toBeInstanceOf(LogMailer);
    expect(createMailer({ MAILER: 'memory' })).toBeInstanceOf(MemoryMailer);
  });
});
