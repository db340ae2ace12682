/**
 * Just enough MIME reading for tests of single-part text mails (what the mailers send): the
 * headers, encoded-word subjects and a quoted-printable or base64 body, as UTF-8. No mail
 * parser is a dependency of the project; nodemailer only composes.
 */
export type ReadMail = { headers: Record<string, string>; subject: string; text: string };

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

export function readMail(raw: string): ReadMail {
  const normalized = raw.replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  const headers: Record<string, string> = {};
  for (const line of normalized.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = normalized.slice(split + 2);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { headers, subject: decodeWords(headers.subject ?? ''), text: text.replace(/\n$/, '') };
}

/** The token of the link to `path` in a mail's text. */
export function linkToken(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([^\\s&]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return decodeURIComponent(match[1]);
}
