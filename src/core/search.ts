import { type Clipping, compareNewestFirst } from './clipping';

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Each clipping's folded title, note and URL, kept while the clipping object lives: clippings are
 * replaced, never changed in place, so a saved edit is a new object and gets a new haystack. Folding
 * (NFKC) is most of a search's time; with this, each key of a query only compares strings.
 */
const haystacks = new WeakMap<Clipping, string>();

function haystackOf(clipping: Clipping): string {
  let haystack = haystacks.get(clipping);
  if (haystack === undefined) {
    haystack = fold(`${clipping.title}\n${clipping.note}\n${clipping.url}`);
    haystacks.set(clipping, haystack);
  }
  return haystack;
}

/**
 * Clippings whose title, note or URL contain every word of the query, newest first. Matching ignores
 * case and width (NFKC), so `ｋｕｂｅ` finds `Kube` and `カ` written half-width finds `カ`.
 */
export function searchClippings(clippings: readonly Clipping[], query: string): Clipping[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return clippings
    .filter((clipping) => {
      const haystack = haystackOf(clipping);
      return words.every((word) => haystack.includes(word));
    })
    .sort(compareNewestFirst);
}
