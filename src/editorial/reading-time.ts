/**
 * Reading time at 230 words per minute, the middle of the 200–260 range usually measured for
 * adults reading French prose on screen; never less than one minute.
 */
export const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
