/*
 * Text that readers write (comment bodies, display names, guest names) is stored as plain
 * text, never as HTML. Whatever markup a client sends is taken apart here: script and style
 * blocks go with their content, every other tag goes and keeps its text, entities are
 * decoded, and the loop repeats until nothing changes, so encoded markup (`&lt;script&gt;`,
 * `&#60;img …&#62;`) and split markup (`<scr<b>ipt>`) cannot survive as a tag. HTML is made
 * only on the way out, by escaping that text.
 */

/*
 * Tags as a browser reads them: `<` directly followed by a letter, `/letter`, `!` or `?`.
 * "a < b" and "x <3" are text, and stay.
 */
const BLOCK_WITH_CONTENT = /<(script|style|iframe|object|embed|template|noscript|textarea|xmp|title)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
const HTML_COMMENT = /<!--[\s\S]*?(-->|$)/g;
const LINE_BREAK_TAG = /<(?:br|\/(?:p|div|li|h[1-6]|blockquote))\b[^>]*>/gi;
const TAG = /<(?:\/?[a-z]|[!?])[^<>]*>/gi;
/** A tag opened but never closed at the end of the text: a browser would swallow it, we drop it. */
const OPEN_TAG_TAIL = /<(?:\/?[a-z]|[!?])[^<>]*$/i;
/** Bidirectional overrides and isolates can disguise text (and links); zero-width joiners in emoji are kept. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
  equals: '=',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

function stripMarkupOnce(text: string): string {
  return text
    .replace(HTML_COMMENT, '')
    .replace(BLOCK_WITH_CONTENT, '')
    .replace(LINE_BREAK_TAG, '\n')
    .replace(TAG, '')
    .replace(OPEN_TAG_TAIL, '');
}

/**
 * The plain text of what a reader sent: markup removed, entities decoded, controls and bidi
 * overrides dropped, spaces tidied, at most one blank line between paragraphs.
 */
export function plainText(raw: string): string {
  let text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  for (let i = 0; i < 10; i++) {
    const next = decodeEntities(stripMarkupOnce(text));
    if (next === text) break;
    text = next;
  }
  // Whatever could still read as a tag after ten rounds is not text anyone meant to write.
  text = stripMarkupOnce(text);
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROL, '')
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
