import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asCodeBlock, keepsStructure, safeNote } from '../../src/core/note-structure';

describe('keepsStructure', () => {
  it.each([
    ['plain text', true],
    ['- [link](https://example.com)\n  - nested', true],
    ['#### deeper heading', true],
    ['# heading', false],
    ['text\n---', false],
    ['```\nunclosed', false],
    [':::message\nunclosed', false],
    [':::details more\nunclosed', false],
    ['> ```\n> quoted fence', true],
  ])('%j → %s', (note, keeps) => {
    expect(keepsStructure(note)).toBe(keeps);
  });
});

describe('asCodeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(asCodeBlock('a ```` b')).toBe('`````text\na ```` b\n`````');
    expect(asCodeBlock('plain')).toBe('```text\nplain\n```');
    expect(keepsStructure(asCodeBlock('# x\n````\n:::message'))).toBe(true);
  });
});

describe('safeNote', () => {
  it('keeps notes as written when the line rules suffice', () => {
    expect(safeNote('- [a](https://example.com)')).toBe('- [a](https://example.com)');
    expect(safeNote('# h')).toBe('\\# h');
    expect(safeNote('')).toBe('');
  });

  it('never lets any note break the structure (property over Markdown-structural pieces)', () => {
    const piece = fc.constantFrom(
      '#',
      '##',
      ' ',
      '    ',
      '\n',
      '```',
      '~~~',
      ':::',
      'message',
      'details x',
      '-',
      '---',
      '===',
      '>',
      '* ',
      '1. ',
      'a',
      '\t',
      '$$',
      '|',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => keepsStructure(safeNote(parts.join('')))),
      { numRuns: 2000 },
    );
  });
});
