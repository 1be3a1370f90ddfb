import { describe, expect, it } from 'vitest';
import { countGraphemes, NOTE_SOFT_LIMIT } from '../../src/core/graphemes';

describe('countGraphemes', () => {
  it.each([
    ['the empty string', '', 0],
    ['ASCII', 'Hello, world!', 13],
    ['a single space', ' ', 1],
    ['CRLF as one line break', 'a\r\nb', 3],
    ['Japanese', '週刊クリッパー', 7],
    ['Japanese with punctuation', 'これは良い記事です。', 10],
    ['precomposed が', 'が', 1],
    ['か + combining dakuten U+3099', 'か\u3099', 1],
    ['ハ + combining handakuten U+309A', 'ハ\u309A', 1],
    ['combining marks inside a word', 'か\u3099く\u3099', 2],
    ['a family ZWJ sequence', '👨‍👩‍👧', 1],
    ['a family of four', '👨‍👩‍👧‍👦', 1],
    ['a black cat ZWJ sequence', '🐈‍⬛', 1],
    ['the Japanese flag', '🇯🇵', 1],
    ['two flags', '🇯🇵🇺🇸', 2],
    ['a skin tone', '👍🏽', 1],
    ['a skin-toned ZWJ sequence', '🧑🏻‍💻', 1],
    ['an emoji with variation selector', '🛠️', 1],
    ['a keycap', '1️⃣', 1],
    ['a surrogate-pair kanji', '𠮷野家', 3],
    ['a mixed comment', '猫🐈‍⬛が好き👍🏽!', 7],
  ])('counts %s', (_label, text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
  });

  it('counts where .length does not', () => {
    expect('👨‍👩‍👧'.length).toBe(8);
    expect(countGraphemes('👨‍👩‍👧')).toBe(1);
  });

  it('counts a 200-character Japanese note as exactly the soft limit', () => {
    const note = 'あいうえおかきくけこ'.repeat(20);
    expect(NOTE_SOFT_LIMIT).toBe(200);
    expect(countGraphemes(note)).toBe(NOTE_SOFT_LIMIT);
    expect(countGraphemes(`${note}🇯🇵`)).toBe(NOTE_SOFT_LIMIT + 1);
  });

  it('gives the same answer on repeated calls (the segmenter is reused)', () => {
    expect(countGraphemes('か\u3099')).toBe(1);
    expect(countGraphemes('abc')).toBe(3);
    expect(countGraphemes('か\u3099')).toBe(1);
  });
});
