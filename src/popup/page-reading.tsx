import type { PageInfo } from '../core/draft';
import type { Translate } from '../core/messages';
import {
  canonicalOffer,
  captureTitle,
  type PageFacts,
  pageFactsOf,
  siteIconOf,
  siteOf,
  titleRulesOf,
} from '../core/page-facts';
import { parseNewsletterSettings } from '../core/settings';
import { removeTrackingParams, urlMatchKey } from '../core/url';
import { faviconStore, isToolbarPopup, readPageHead } from '../platform/page-facts';
import type { PageTab } from '../platform/tabs';
import type { PopupState } from './state';

/**
 * What the popup learns from the page itself, beyond the tab's title and URL: its head (canonical URL,
 * og:title, og:site_name, lang) and the title cleaned by the rules; and what the popup draws around the
 * form from it and from the database's answer: the site, where the clip goes, and closing after a save.
 * A chunk of its own, loaded as the popup starts, in parallel with the database (issue 8: the popup's
 * first bundle carries none of it; where it does not load, the form works without these).
 */
export interface PageReading extends PageInfo {
  /** The tab's title as the browser gave it. */
  original: string;
  /** The URL the form shows, cleaned of tracking parameters, and the title a new clipping starts with
   * (core/page-facts.ts captureTitle). */
  facts: PageFacts;
  /** The site's icon, from where the browser already holds it (core/page-facts.ts siteIconOf). */
  icon: string | undefined;
  PageChoices: typeof PageChoices;
}

/**
 * Reads the page's head, then answers for the settings the database holds. `readHead` is the page
 * access (tests pass their own). What the page says counts only for the address it says it from: not
 * for a link on it that the context menu captured, nor after the tab went elsewhere.
 */
export async function readPage(
  tab: PageInfo & Pick<PageTab, 'id' | 'icon'>,
  readHead: (tabId: number) => Promise<unknown> = readPageHead,
  favicons: string | undefined = faviconStore(),
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
    icon: siteIconOf(tab.url, tab.icon, favicons),
    PageChoices,
  });
}

/** One short line that never wraps; styled here, so the popup's first stylesheet carries none of it. */
const LINE = { margin: 0, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' } as const;

/**
 * Drawn above the fields, in room the form keeps for it: the site the page is from, and where its
 * clipping goes or is. After a save, the second line says so (a live region, so it is announced), in
 * place: the form below does not move.
 */
export function Where({ state, t }: ChoiceProps) {
  const page = state.reading.value;
  const site = siteOf(state.fields.value.url, page?.facts ?? {});
  const issue = state.started.value?.openIssue;
  const existing = state.existing.value;
  const status = state.status.value;
  const saved = state.notices.value.find((notice) => notice.tone === 'success');
  let where: string | undefined;
  if (existing) {
    if (existing.issueId === null) where = t('clipIsInBacklog');
    else if (existing.issueId === issue?.id) where = t('clipIsIn', [String(issue.number), issue.date]);
  } else if (status !== 'loading' && status !== 'published') {
    where = issue ? t('clipGoesTo', [String(issue.number), issue.date]) : t('clipGoesToNew');
  }
  return (
    <div style={{ fontSize: '12px', marginBottom: '6px' }}>
      <p data-testid="clip-site" style={{ ...LINE, color: 'var(--muted)' }}>
        {page?.icon && (
          <img
            src={page.icon}
            alt=""
            width={16}
            height={16}
            referrerpolicy="no-referrer"
            style={{ verticalAlign: '-3px', marginRight: '6px' }}
          />
        )}
        {site.name && <b style={{ color: 'var(--text)', marginRight: '6px' }}>{site.name}</b>}
        {site.host}
      </p>
      <p
        role="status"
        data-testid="clip-destination"
        class={saved && 'notice-success'}
        style={{ ...LINE, fontWeight: saved ? 600 : undefined }}
      >
        {saved ? `✓ ${saved.text}` : where}
      </p>
    </div>
  );
}

/** How long the popup stays after a save, so that its confirmation can be read. */
export const CLOSE_AFTER_SAVE_MS = 1500;

/**
 * After a save, closes the toolbar popup a moment later, as the settings ask (on by default), unless the
 * member goes on: a key, a click or an edit in the meantime keeps it open. A tab showing the popup page
 * (the e2e contract) stays. `close` and `inPopup` are for tests.
 */
export async function closeAfterSave(
  state: Pick<PopupState, 'started' | 'status'>,
  close: () => void = () => window.close(),
  inPopup: () => Promise<boolean> = isToolbarPopup,
): Promise<void> {
  if (!parseNewsletterSettings(state.started.value?.newsletter).closePopupAfterSave) return;
  if (!(await inPopup())) return;
  let stay = false;
  const keep = () => {
    stay = true;
  };
  const events = ['keydown', 'pointerdown', 'input', 'compositionstart'] as const;
  for (const name of events) document.addEventListener(name, keep, { capture: true, once: true });
  setTimeout(() => {
    for (const name of events) document.removeEventListener(name, keep, { capture: true });
    if (!stay && state.status.value === 'saved') close();
  }, CLOSE_AFTER_SAVE_MS);
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
