import { createHash } from 'node:crypto';
import { plainText } from '../text/plain-text';

/*
 * Comments are stored as plain text (see `plainText`): whatever markup a client sends is
 * removed on the way in. HTML is produced only on the way out (`renderCommentHtml`), by
 * escaping that text and adding the two elements we write ourselves: paragraphs and
 * http(s) links.
 */

export const COMMENT_MAX_LENGTH = 3000;
export const COMMENT_MAX_LINKS = 2;
/** A raw body longer than this is refused before any work is done on it. */
export const COMMENT_MAX_RAW_LENGTH = 20000;

/** The plain text stored for a comment body. */
export function sanitizeCommentBody(raw: string): string {
  return plainText(raw);
}

/** http(s) URLs in plain text; trailing punctuation belongs to the sentence, not the link. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Anything a reader would take for a link, counted against the limit even when not made clickable. */
const LINK_LIKE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|fr|info|io|biz|ru|cn|xyz|top|ly|me|co)\b(?:\/[^\s]*)?/gi;

export function countLinks(text: string): number {
  return (text.match(LINK_LIKE) ?? []).length;
}

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]}»]+$/, '');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const start = match.index ?? 0;
    html += escapeHtml(text.slice(last, start));
    html += `<a rel="nofollow ugc noopener" href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * The HTML shown for a stored comment: paragraphs, line breaks, and `http(s)` URLs as
 * `nofollow ugc` links. Every other character is escaped, so the output holds no markup but
 * `<p>`, `<br>` and those `<a>`.
 */
export function renderCommentHtml(text: string): string {
  if (!text) return '';
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkify).join('<br>')}</p>`)
    .join('');
}

/**
 * The duplicate key of a comment: its author and its text with case, spacing and
 * punctuation ignored, so "Bravo !" and "bravo!!" posted twice by the same person match.
 */
export function commentFingerprint(authorKey: string, text: string): string {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(`${authorKey}\n${folded}`, 'utf8').digest('hex');
}
