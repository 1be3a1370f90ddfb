import { type Clipping, compareNewestFirst } from './clipping';

/**
 * Clippings whose title, note or URL contain every word of the query, newest first. Matching ignores
 * case and width (NFKC), so `ｋｕｂｅ` finds `Kube` and `カ` written half-width finds `カ`.
 */
export function searchClippings(clippings: readonly Clipping[], query: string): Clipping[] {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return clippings
    .filter((clipping) => {
      const haystack = fold(`${clipping.title}\n${clipping.note}\n${clipping.url}`);
      return words.every((word) => haystack.includes(word));
    })
    .sort(compareNewestFirst);
}
