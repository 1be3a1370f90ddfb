/** The soft target for a note's length, in graphemes: going over is shown, never blocked. */
export const NOTE_SOFT_LIMIT = 200;

let segmenter: Intl.Segmenter | undefined;

/**
 * Counts user-perceived characters, so that `👨‍👩‍👧`, `が` written as `か`+U+3099 and a flag count as one each,
 * as a person counting a Japanese comment would.
 */
export function countGraphemes(text: string): number {
  if (text === '') return 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
