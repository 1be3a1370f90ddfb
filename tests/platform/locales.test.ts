import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]?.toLowerCase()).sort();

describe('locales', () => {
  it('Japanese is the default and English the second locale', () => {
    expect(manifest.default_locale).toBe('ja');
    expect(readdirSync(new URL('../../public/_locales', import.meta.url)).sort()).toEqual(['en', 'ja']);
  });

  it('both locales have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it.each(Object.keys(ja))('%s names the same declared placeholders in both languages', (key) => {
    for (const messages of [ja as Messages, en as Messages]) {
      const entry = messages[key];
      expect(entry?.message.trim()).not.toBe('');
      const used = placeholdersIn(entry?.message ?? '');
      expect(used).toEqual(Object.keys(entry?.placeholders ?? {}).sort());
    }
    expect(placeholdersIn((en as Messages)[key]?.message ?? '')).toEqual(
      placeholdersIn((ja as Messages)[key]?.message ?? ''),
    );
  });

  it('every __MSG_ in the manifest exists', () => {
    const names = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] as string);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(Object.keys(ja)).toContain(name);
  });
});
