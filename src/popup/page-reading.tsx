import type { PageInfo } from '../core/draft';
import type { Translate } from '../core/messages';
import { canonicalOffer, captureTitle, type PageFacts, pageFactsOf, titleRulesOf } from '../core/page-facts';
import { removeTrackingParams, urlMatchKey } from '../core/url';
import { readPageHead } from '../platform/page-facts';
import type { PopupState } from './state';

/**
 * What the popup learns from the page itself, beyond the tab's title and URL: its head (canonical URL,
 * og:title, og:site_name, lang) and the title cleaned by the rules. A chunk of its own, loaded as the
 * popup starts, in parallel with the database (issue 8: the popup's first bundle carries none of it).
 */
export interface PageReading extends PageInfo {
  /** The tab's title as the browser gave it. */
  original: string;
  /** The URL the form shows, cleaned of tracking parameters, and the title a new clipping starts with
   * (core/page-facts.ts captureTitle). */
  facts: PageFacts;
  PageChoices: typeof PageChoices;
}

/**
 * Reads the page's head, then answers for the settings the database holds. `readHead` is the page
 * access (tests pass their own). What the page says counts only for the address it says it from: not
 * for a link on it that the context menu captured, nor after the tab went elsewhere.
 */
export async function readPage(
  tab: PageInfo & { id: number },
  readHead: (tabId: number) => Promise<unknown> = readPageHead,
): Promise<(settings: unknown) => PageReading> {
  const head = await readHead(tab.id);
  const from = (head as { url?: unknown } | undefined)?.url;
  const facts =
    typeof from === 'string' && urlMatchKey(from) === urlMatchKey(tab.url) ? pageFactsOf(head, tab.url) : {};
  return (settings) => ({
    url: removeTrackingParams(tab.url),
    original: tab.title.trim(),
    title: captureTitle(tab.title, tab.url, facts, titleRulesOf(settings)),
    facts,
    PageChoices,
  });
}

/** Drawn only once the page was read (components/ClipForm.tsx). */
interface ChoiceProps {
  state: PopupState;
  t: Translate;
}

/** Below the title field, what the page offers instead of what the form holds. */
function PageChoices(props: ChoiceProps) {
  return (
    <>
      <TitleChoice {...props} />
      <CanonicalChoice {...props} />
    </>
  );
}

/**
 * The original title one click from the cleaned one, and back. Shown only while the field holds one
 * of the two: a title the member typed is theirs.
 */
function TitleChoice({ state, t }: ChoiceProps) {
  const { original, title: cleaned } = state.reading.value as PageReading;
  const { title } = state.fields.value;
  if (original === cleaned || original === '' || (title !== cleaned && title !== original)) return null;
  const next = title === cleaned ? original : cleaned;
  return (
    <button
      type="button"
      class="link-button"
      data-testid="clip-title-choice"
      title={t('titleOriginalIs', original)}
      onClick={() => state.edit({ title: next })}
    >
      {t(title === cleaned ? 'titleUseOriginal' : 'titleUseCleaned')}
    </button>
  );
}

/** The page's canonical URL, offered in one click when it is another address than the field's. */
function CanonicalChoice({ state, t }: ChoiceProps) {
  const offer = canonicalOffer(state.fields.value.url, (state.reading.value as PageReading).facts);
  if (!offer) return null;
  return (
    <p class="notice notice-info" data-testid="clip-canonical">
      {t('canonicalOffer', offer)}{' '}
      <button type="button" class="link-button" onClick={() => state.edit({ url: offer })}>
        {t('canonicalUse')}
      </button>
    </p>
  );
}
