import { type Category, pickCategory } from '../core/category';
import type { Clipping, ClippingFields } from '../core/clipping';
import {
  type EditedField,
  fieldsOf,
  initialForm,
  type PageInfo,
  reclipBaseline,
  sameFields,
  withExistingCategory,
} from '../core/draft';
import type { Issue } from '../core/issue';
import type { MessageKey, Notice, Translate } from '../core/messages';
import { removeTrackingParams, type UnclippableReason, unclippableReason, urlMatchKey } from '../core/url';
import type { PageTab, TabSource } from '../platform/tabs';
import type { PopupRepositories } from '../storage/popup-repositories';
import type { PopupStart } from '../storage/popup-start';
import type { PageReading } from './page-reading';
import { createStore } from './store';

/** What the form's fields started from, and where a new clipping comes from; see `form` below. */
export interface FormBook {
  /** The fields as opened or last saved: the base an edit is merged from, and what a draft differs from. */
  baseline: ClippingFields;
  /** A draft found on a published page, used if the user clips it again. */
  pendingDraft: ClippingFields | undefined;
  /** The published clipping this page is being clipped again after (reclip chosen), if any. */
  reclipping: string | null;
  /** The tab's URL as a match key (core/url.ts): what its draft is stored under. */
  draftKey: string;
  /** The repositories, once the database answered. */
  repositories: PopupRepositories | undefined;
  /** The draft writes in flight, in order: a save waits for them. */
  draftWrites: Promise<void>;
}

/** The form's `data-state`, part of the e2e contract. */
export type PopupStatus = 'loading' | 'new' | 'existing' | 'published' | 'saved' | 'error';

/** Fields typed here that were changed differently elsewhere: the popup asks which to keep. */
export interface FieldConflict {
  /** Found when a draft was restored, or when a save read the stored clipping. */
  found: 'draft' | 'save';
  fields: EditedField[];
  stored: ClippingFields;
}

export interface PopupServices {
  tabs: TabSource;
  /** The repositories, once the database is open; opening runs in parallel with reading the tab. */
  repositories: Promise<PopupRepositories>;
  t: Translate;
  now(): number;
  /** Makes a new clipping's id; by default the save path's (core/id.ts), so start-up does not carry it. */
  newId?: () => string;
  /** Tells open options pages which clipping was saved (optional: tests leave it out). */
  changes?: { clippingSaved(id: string): void };
  /** Loads the save path (save-clip.ts, a chunk of its own); tests pass one that fails. */
  loadSaveClip?: () => Promise<SaveClipModule>;
  /** Loads the parts only some popups show (components/occasional.ts); tests pass one that fails. */
  loadOccasional?: () => Promise<OccasionalParts>;
  /** Loads what reads the page itself (page-reading.tsx); tests pass their own page or one that fails. */
  loadPageReading?: () => Promise<PageReadingModule>;
}

type SaveClipModule = typeof import('./save-clip');
type FieldProblems = import('./save-clip').FieldProblems;
/** The parts only some popups show (components/occasional.ts), loaded when one is needed. */
export type OccasionalParts = typeof import('./components/occasional');
type PageReadingModule = typeof import('./page-reading');

const importSaveClip = (): Promise<SaveClipModule> => import('./save-clip');
const importOccasional = (): Promise<OccasionalParts> => import('./components/occasional');
const importPageReading = (): Promise<PageReadingModule> => import('./page-reading');

/** Runs `task` when the browser is idle, soon after the first paint (every browser this targets has it). */
function whenIdle(task: () => void): void {
  requestIdleCallback(task, { timeout: 500 });
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
  const store = createStore();
  const { signal } = store;
  const status = signal<PopupStatus>('loading');
  /**
   * The fields take input once the tab is read, before the database answers (still `loading`): a person
   * starts typing while the lookup runs, and whatever they type wins over what the lookup brings.
   */
  const usable = signal(false);
  /** Set when the tab cannot be clipped at all: the popup shows this instead of a form. */
  const blocker = signal<string | null>(null);
  const fields = signal<ClippingFields>(EMPTY_FIELDS);
  const categories = signal<Category[]>([]);
  const existing = signal<Clipping | undefined>(undefined);
  const notices = signal<Notice[]>([]);
  const saving = signal(false);
  /** The page's item in a published issue, which the popup never edits (the issue is frozen). */
  const published = signal<{ clipping: Clipping; issue: Issue } | null>(null);
  /** After choosing to clip a published page again: its earlier note, one click from the field. */
  const oldNote = signal<string | null>(null);
  const conflict = signal<FieldConflict | null>(null);
  /** The published panel and the conflict question, once loaded (needParts). */
  const parts = signal<OccasionalParts | null>(null);
  /** What the page said of itself and its cleaned title, once read (page-reading.tsx). */
  const reading = signal<PageReading | undefined>(undefined);
  /** The chunk that reads the page and draws what surrounds the form, once loaded (page-reading.tsx). */
  const around = signal<PageReadingModule | undefined>(undefined);
  /** What the database answered when the popup opened (the open issue, the settings). */
  const started = signal<PopupStart | undefined>(undefined);
  /** Why the last save refused each field, shown at the field until it is edited. */
  const refused = signal<FieldProblems>({});

  /** Fields typed in before the database answered; the answer never overwrites them. */
  const typedEarly = new Set<EditedField>();
  /** Settles when the database has answered (or failed), so a save asked for meanwhile waits for it. */
  let answered: Promise<void> = Promise.resolve();
  let defaultCategoryId = '';
  /** The form's bookkeeping, which the occasional changes (form-changes.ts) share with this. */
  const form: FormBook = {
    baseline: EMPTY_FIELDS,
    pendingDraft: undefined,
    reclipping: null,
    draftKey: '',
    repositories: undefined,
    draftWrites: Promise.resolve(),
  };

  function fail(text: string): void {
    notices.value = [{ tone: 'error', text }];
    status.value = 'error';
  }

  /** The save path and the storage code it commits with, loading or loaded; reset when loading failed. */
  let saveClipLoad: Promise<SaveClipModule> | undefined;

  /**
   * Starts loading what a save needs, once: at idle after the form is ready, on the first edit, or when
   * the save button gets focus, so that a click on save finds it loaded. A save asked for before it
   * arrived waits for it; a failed load is reported by that save (and tried again by the next).
   */
  function prepareSave(): Promise<SaveClipModule> {
    if (!saveClipLoad) {
      const load = services.loadSaveClip ?? importSaveClip;
      const loading = load();
      saveClipLoad = loading;
      loading.catch(() => {
        if (saveClipLoad === loading) saveClipLoad = undefined;
      });
    }
    return saveClipLoad;
  }

  /** Preloads the save path without waiting for it; a failure waits for a save to report it. */
  function warmSave(): void {
    prepareSave().catch(() => undefined);
  }

  let partsLoad: Promise<void> | undefined;

  /**
   * Loads the published panel and the conflict question when one is to be shown. If the chunk does not
   * load (the extension was updated or removed under the popup), the popup says so; nothing typed is lost.
   */
  function needParts(): void {
    if (partsLoad) return;
    partsLoad = (services.loadOccasional ?? importOccasional)().then(
      (loaded) => {
        parts.value = loaded;
      },
      () => {
        partsLoad = undefined;
        notices.value = [...notices.value, { tone: 'error', text: t('errorPopupPartMissing') }];
      },
    );
  }

  /**
   * The words for a failed storage call. The code that names the failure travels with the save path
   * (save-clip.ts), loaded for it anyway; if that cannot load, the message without the reason.
   */
  async function storageFailure(key: 'errorSaveFailed' | 'errorLoadFailed', error: unknown): Promise<string> {
    try {
      const { storageErrorMessage } = await prepareSave();
      return storageErrorMessage(t, key, error);
    } catch {
      return t(key, error instanceof Error ? error.name : 'Error');
    }
  }

  let tabWasRead = () => {};
  /**
   * Settles once the tab is read: the form is usable, or the popup knows why it cannot be. main.tsx
   * draws the popup then, once, instead of first drawing a disabled form a few milliseconds before
   * (issue 8: that first drawing ran just when the tab's answer came, and delayed it).
   */
  const tabRead = new Promise<void>((resolve) => {
    tabWasRead = resolve;
  });

  /** Reads the tab and what is stored for it; `page` stands in for its URL and title (capture.ts). */
  async function load(tabId?: number, page?: PageInfo): Promise<void> {
    let settle = () => {};
    answered = new Promise((resolve) => {
      settle = resolve;
    });
    // Awaited only once the tab is read; a failed open before then is reported there, not as unhandled.
    services.repositories.catch(() => undefined);
    try {
      const tab = await services.tabs.getTab(tabId);
      if (tab && page) Object.assign(tab, page);
      const reason = tab ? unclippableReason(tab.url) : 'no-tab';
      if (!tab?.url || reason) {
        blocker.value = t(UNCLIPPABLE_MESSAGES[reason ?? 'invalid']);
        status.value = 'error';
        return;
      }
      form.draftKey = urlMatchKey(tab.url);
      // A usable form at once: the tab's title and URL, the note focused; the database fills in the rest.
      // The URL is shown as it will be saved, without tracking parameters (core/clipping.ts).
      form.baseline = { url: removeTrackingParams(tab.url), title: tab.title, note: '', categoryId: '' };
      fields.value = form.baseline;
      typedEarly.clear();
      usable.value = true;
      tabWasRead();
      whenIdle(warmSave);
      // Read in parallel with the database; a popup whose page cannot be read clips from the tab alone.
      const read = (services.loadPageReading ?? importPageReading)()
        .then((m) => {
          around.value = m;
          return m.readPage(tab as PageTab & PageInfo);
        })
        .catch(() => undefined);
      const repos = await services.repositories;
      form.repositories = repos;
      const start = await repos.readPopupStart(tab.url, form.draftKey);
      answer(form.baseline, start);
      // Never waited for: a page slow to answer must not hold the stored clipping or draft back. A new
      // clipping's title is cleaned only while the field holds the tab's title as the popup opened with
      // it (nothing typed, no draft's own title), field and baseline alike.
      void read.then((found) => {
        const page = found?.(start.newsletter);
        reading.value = page;
        if (page && status.value === 'new' && fields.value.title === form.baseline.title) {
          const { title } = page;
          form.baseline = { ...form.baseline, title };
          fields.value = { ...fields.value, title };
        }
      });
    } catch (error) {
      fail(await storageFailure('errorLoadFailed', error));
    } finally {
      tabWasRead();
      settle();
    }
  }

  /** Fills the form with the database's answer, keeping every field typed in while it was read. */
  function answer(tab: PageInfo, start: PopupStart): void {
    const { page, draft } = start;
    categories.value = start.categories;
    started.value = start;
    defaultCategoryId = pickCategory(start.categories, start.lastCategoryId) ?? '';
    const typed = typedFields();
    const found = page.editable;
    if (!found && page.published) {
      // Publishing froze it: say where it went, and offer a new clipping or the archive, never an edit.
      published.value = page.published;
      form.pendingDraft = draft && fieldsOf(draft);
      if (typed) {
        // What was typed waits, as the page's draft, for the choice to clip it again.
        form.pendingDraft = { ...(form.pendingDraft ?? reclipBaseline(page.published.clipping)), ...typed };
        persistDraft(form.pendingDraft);
      }
      notices.value = [];
      status.value = 'published';
      needParts();
      return;
    }
    const initial = initialForm(tab, defaultCategoryId, found, draft);
    existing.value = found;
    form.baseline = initial.baseline;
    const loaded: Notice[] = [];
    if (found) loaded.push({ tone: 'info', text: t('alreadyClipped') });
    if (initial.restoredDraft) loaded.push({ tone: 'info', text: t('draftRestored') });
    // A note typed over a stored one keeps the stored one a click away.
    if (typed?.note !== undefined && initial.fields.note !== '' && initial.fields.note !== typed.note) {
      oldNote.value = initial.fields.note;
    }
    fields.value = keepCategory({ ...initial.fields, ...typed }, loaded);
    notices.value = loaded;
    conflict.value =
      initial.conflicts.length > 0
        ? { found: 'draft', fields: initial.conflicts, stored: initial.baseline }
        : null;
    if (conflict.value) needParts();
    status.value = initial.origin;
    if (typed) persistDraft();
  }

  /** The fields typed in before the database answered, if any. */
  function typedFields(): Partial<ClippingFields> | undefined {
    if (typedEarly.size === 0) return undefined;
    const typed: Partial<ClippingFields> = {};
    for (const name of typedEarly) typed[name] = fields.value[name];
    return typed;
  }

  /** The fields with a category that exists, adding a notice when a deleted one had to be replaced. */
  function keepCategory(candidate: ClippingFields, said: Notice[]): ClippingFields {
    const ids = categories.value.map((category) => category.id);
    const fallback =
      existing.value && ids.includes(existing.value.categoryId)
        ? existing.value.categoryId
        : defaultCategoryId;
    const checked = withExistingCategory(candidate, ids, fallback);
    if (checked.replaced !== null && fallback !== '') {
      const label = categories.value.find((category) => category.id === fallback)?.label ?? fallback;
      said.push({ tone: 'info', text: t('categoryReplaced', label) });
    }
    return checked.fields;
  }

  function insertOldNote(): void {
    if (oldNote.value !== null) edit({ note: oldNote.value });
  }

  /**
   * Keeps what was typed: the popup may close at any moment, so every edit is written at once. Before
   * the database answered there is nowhere to write; the answer writes what was typed meanwhile.
   */
  function persistDraft(draft?: ClippingFields): void {
    const repos = form.repositories;
    if (!repos) return;
    form.draftWrites = form.draftWrites
      .then(() => {
        const current = draft ?? fields.value;
        if (sameFields(current, form.baseline)) return repos.drafts.remove(form.draftKey);
        // A draft of an edit remembers what it started from, so a later reorder or move elsewhere
        // (which changes none of these fields) never makes it look stale.
        const base = existing.value ? { base: form.baseline } : {};
        return repos.drafts.save({ key: form.draftKey, ...current, updatedAt: services.now(), ...base });
      })
      .catch(async (error: unknown) => {
        // The typed text is still on screen; say that it is not kept if the popup closes.
        fail(await storageFailure('errorSaveFailed', error));
      });
  }

  function edit(change: Partial<ClippingFields>): void {
    if (!usable.value || status.value === 'published' || blocker.value) return;
    if (status.value === 'loading') {
      for (const name of Object.keys(change) as EditedField[]) typedEarly.add(name);
    }
    fields.value = { ...fields.value, ...change };
    // What was said and refused was about the fields before this edit; a failure still holds.
    notices.value = notices.value.filter((notice) => notice.tone === 'error');
    const left = { ...refused.value };
    for (const name in change) delete left[name as EditedField];
    refused.value = left;
    if (status.value === 'saved') status.value = 'existing';
    persistDraft();
    warmSave();
  }

  /**
   * Saves the form, one save at a time: the save itself is the save path's (form-changes.ts saveForm,
   * in its chunk). Asked for before the database answered, it waits for the answer, then saves what the
   * answer and the typing make, or stops at what it found: never a second clipping of the page.
   */
  async function save(): Promise<void> {
    if (saving.value || blocker.value || !usable.value) return;
    saving.value = true;
    try {
      await answered;
      // The save path's chunk did not load (the extension was updated or removed under the popup).
      const path = await prepareSave().catch(() => fail(t('errorSavePathMissing')));
      if (path) await path.saveForm(state);
    } catch (error) {
      fail(await storageFailure('errorSaveFailed', error));
    } finally {
      saving.value = false;
    }
  }

  const state = {
    store,
    services,
    t,
    form,
    status,
    usable,
    blocker,
    fields,
    categories,
    existing,
    notices,
    saving,
    published,
    oldNote,
    conflict,
    parts,
    reading,
    around,
    started,
    refused,
    tabRead,
    load,
    edit,
    save,
    warmSave,
    insertOldNote,
    keepCategory,
    persistDraft,
    needParts,
  };
  return state;
}

export type PopupState = ReturnType<typeof createPopupState>;
