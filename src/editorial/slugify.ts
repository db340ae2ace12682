/**
 * URL slugs: lowercase ASCII letters and digits separated by single dashes.
 *
 * Accents are folded (é→e, ç→c, œ→oe, æ→ae, ß→ss…); apostrophes (’ '), French quotes (« »),
 * punctuation, spaces and every other run of characters outside [a-z0-9] become one '-'. Leading
 * and trailing dashes are trimmed and the result is capped at 80 characters on a word boundary,
 * never ending in a dash.
 *
 *   slugify("L’Économie « verte » du Maroc") === "l-economie-verte-du-maroc"
 *
 * Characters with no ASCII equivalent (Arabic, CJK, emoji…) act as separators. The implementation
 * is a single pass over a precomputed table, cheap enough to slug millions of titles.
 */

export const MAX_SLUG_LENGTH = 80;

const TABLE_SIZE = 0x250; // Basic Latin, Latin-1 Supplement, Latin Extended-A and -B

/** Special foldings that Unicode decomposition does not provide. */
const SPECIAL: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
  ŋ: 'n',
  Ŋ: 'n',
  ĸ: 'k',
  ſ: 's',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_ALNUM = /^[a-z0-9]+$/;

/** ASCII folding of one character, or '' when it has none (it is then a separator). */
function foldChar(ch: string): string {
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  const folded = ch.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return ASCII_ALNUM.test(folded) ? folded : '';
}

/** FOLD[code] for code < TABLE_SIZE: the ASCII replacement, '' for a separator. */
const FOLD: string[] = new Array<string>(TABLE_SIZE);
for (let code = 0; code < TABLE_SIZE; code++) FOLD[code] = foldChar(String.fromCharCode(code));

/** Lazily filled foldings for characters beyond the table. */
const EXTRA_FOLD = new Map<number, string>();

function isCombiningMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

export function slugify(text: string): string {
  let out = '';
  let pendingDash = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < TABLE_SIZE) {
      piece = FOLD[code];
    } else if (isCombiningMark(code)) {
      continue; // decomposed accents (e + U+0301) simply disappear
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // astral character (emoji, etc.): a separator; skip its low surrogate
      piece = '';
      i++;
    } else {
      let cached = EXTRA_FOLD.get(code);
      if (cached === undefined) {
        cached = foldChar(String.fromCharCode(code));
        EXTRA_FOLD.set(code, cached);
      }
      piece = cached;
    }
    if (piece === '') {
      pendingDash = true;
      continue;
    }
    if (pendingDash && out.length > 0) out += '-';
    pendingDash = false;
    out += piece;
    if (out.length > MAX_SLUG_LENGTH) break;
  }
  return cutAtWord(out, MAX_SLUG_LENGTH);
}

/**
 * A slug of at most `max` characters, cut at the last word boundary ("…pour-2030", not
 * "…pour-203"); only a first word longer than `max` is cut inside.
 */
export function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const wholeWord = slug.charCodeAt(max) === 45; /* - */
  const lastDash = slug.lastIndexOf('-', max);
  const cut = slug.slice(0, wholeWord || lastDash <= 0 ? max : lastDash);
  let end = cut.length;
  while (end > 0 && cut.charCodeAt(end - 1) === 45 /* - */) end--;
  return cut.slice(0, end);
}
