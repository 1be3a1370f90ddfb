import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { localIsoDate } from '../core/calendar';
import { type Category, pickCategory } from '../core/category';
import {
  type Clipping,
  type ClippingFields,
  createClipping,
  PROBLEM_MESSAGES,
  reviseClipping,
  validateClippingFields,
} from '../core/clipping';
import { initialForm, sameFields } from '../core/draft';
import { firstIssue } from '../core/issue';
import type { MessageKey, Translate } from '../core/messages';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../core/settings';
import { storageErrorMessage } from '../core/storage-error';
import { type UnclippableReason, unclippableReason, urlMatchKey } from '../core/url';
import type { ChangeFeed } from '../platform/change-feed';
import type { TabSource } from '../platform/tabs';
import type { Repositories } from '../storage/repositories';

/** The form's `data-state`, part of the e2e contract. */
export type PopupStatus = 'loading' | 'new' | 'existing' | 'saved' | 'error';

export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
}

export interface PopupServices {
  tabs: TabSource;
  /** The repositories, once the database is open; opening runs in parallel with reading the tab. */
  repositories: Promise<Repositories>;
  t: Translate;
  now(): number;
  newId(): string;
  /** Tells open options pages that a clipping was saved (optional: tests leave it out). */
  changes?: Pick<ChangeFeed, 'notify'>;
}

const UNCLIPPABLE_MESSAGES: Record<UnclippableReason | 'no-tab', MessageKey> = {
  invalid: 'unclippableInvalid',
  scheme: 'unclippableScheme',
  store: 'unclippableStore',
  'no-tab': 'errorNoTab',
};

const EMPTY_FIELDS: ClippingFields = { url: '', title: '', note: '', categoryId: '' };

export function createPopupState(services: PopupServices) {
  const { t } = services;
  const status = signal<PopupStatus>('loading');
  /** Set when the tab cannot be clipped at all: the popup shows this instead of a form. */
  const blocker = signal<string | null>(null);
  const fields = signal<ClippingFields>(EMPTY_FIELDS);
  const categories = signal<Category[]>([]);
  const existing = signal<Clipping | undefined>(undefined);
  const notices = signal<Notice[]>([]);
  const saving = signal(false);
  const isUpdate = computed(() => existing.value !== undefined);

  let repositories: Repositories | undefined;
  let draftKey = '';
  let baseline: ClippingFields = EMPTY_FIELDS;
  let draftWrites: Promise<void> = Promise.resolve();
  let settings: NewsletterSettings = DEFAULT_SETTINGS;

  function fail(text: string): void {
    notices.value = [{ tone: 'error', text }];
    status.value = 'error';
  }

  const storageFailure = (key: 'errorSaveFailed' | 'errorLoadFailed', error: unknown) =>
    storageErrorMessage(t, key, error);

  async function load(tabId?: number): Promise<void> {
    try {
      const [tab, repos] = await Promise.all([services.tabs.getTab(tabId), services.repositories]);
      repositories = repos;
      const reason = tab ? unclippableReason(tab.url) : 'no-tab';
      if (!tab?.url || reason) {
        blocker.value = t(UNCLIPPABLE_MESSAGES[reason ?? 'invalid']);
        status.value = 'error';
        return;
      }
      draftKey = urlMatchKey(tab.url);
      const [list, lastCategoryId, newsletter, found, draft] = await Promise.all([
        repos.categories.list(),
        repos.settings.getLastCategoryId(),
        repos.settings.getNewsletter(),
        repos.clippings.findByUrl(tab.url),
        repos.drafts.get(draftKey),
      ]);
      const form = initialForm(
        { url: tab.url, title: tab.title },
        pickCategory(list, lastCategoryId) ?? '',
        found,
        draft,
      );
      categories.value = list;
      settings = newsletter;
      existing.value = found;
      baseline = form.baseline;
      fields.value = form.fields;
      const loaded: Notice[] = [];
      if (found) loaded.push({ tone: 'info', text: t('alreadyClipped') });
      if (form.restoredDraft) loaded.push({ tone: 'info', text: t('draftRestored') });
      notices.value = loaded;
      status.value = form.origin;
    } catch (error) {
      fail(storageFailure('errorLoadFailed', error));
    }
  }

  /** Keeps what was typed: the popup may close at any moment, so every edit is written at once. */
  function persistDraft(): void {
    const repos = repositories;
    if (!repos) return;
    draftWrites = draftWrites
      .then(() => {
        const current = fields.value;
        if (sameFields(current, baseline)) return repos.drafts.remove(draftKey);
        return repos.drafts.save({ key: draftKey, ...current, updatedAt: services.now() });
      })
      .catch((error: unknown) => {
        // The typed text is still on screen; say that it is not kept if the popup closes.
        fail(storageFailure('errorSaveFailed', error));
      });
  }

  function edit(change: Partial<ClippingFields>): void {
    if (status.value === 'loading' || blocker.value) return;
    fields.value = { ...fields.value, ...change };
    if (status.value === 'saved') status.value = 'existing';
    persistDraft();
  }

  async function save(): Promise<void> {
    const repos = repositories;
    if (!repos || saving.value || status.value === 'loading' || blocker.value) return;
    const problems = validateClippingFields(fields.value);
    if (problems.length > 0) {
      notices.value = problems.map((problem) => ({ tone: 'error', text: t(PROBLEM_MESSAGES[problem]) }));
      status.value = 'error';
      return;
    }
    saving.value = true;
    try {
      await draftWrites;
      const now = services.now();
      const before = existing.value;
      // A new clipping joins the open issue; on a fresh install that is 第1回, opened now.
      const clipping = before
        ? await repos.commitClip(reviseClipping(before, fields.value, now), draftKey)
        : await repos.commitClip(
            createClipping(
              fields.value,
              { issueId: null, clippedBy: settings.memberName },
              services.newId(),
              now,
            ),
            draftKey,
            {
              firstIssue: firstIssue(
                services.newId(),
                localIsoDate(new Date(now)),
                settings.meetingWeekday,
                now,
              ),
            },
          );
      services.changes?.notify();
      existing.value = clipping;
      baseline = {
        url: clipping.url,
        title: clipping.title,
        note: clipping.note,
        categoryId: clipping.categoryId,
      };
      fields.value = baseline;
      notices.value = [{ tone: 'success', text: t(before ? 'savedUpdate' : 'savedNew') }];
      status.value = 'saved';
    } catch (error) {
      fail(storageFailure('errorSaveFailed', error));
    } finally {
      saving.value = false;
    }
  }

  return { status, blocker, fields, categories, existing, notices, saving, isUpdate, load, edit, save };
}

export type PopupState = ReturnType<typeof createPopupState>;

export const PopupContext = createContext<PopupState | null>(null);

export function usePopupState(): PopupState {
  const state = useContext(PopupContext);
  if (!state) throw new Error('usePopupState() needs a <PopupContext.Provider>.');
  return state;
}
