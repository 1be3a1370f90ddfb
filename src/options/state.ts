import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import type { MessageKey, Notice, Translate } from '../core/messages';
import type { IssueSource } from '../core/render/zenn';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../core/settings';
import { storageErrorMessage } from '../core/storage-error';
import type { ChangeFeed } from '../platform/change-feed';
import type { Repositories } from '../storage/repositories';

export interface OptionsServices {
  repositories: Promise<Repositories>;
  t: Translate;
  now(): number;
  newId(): string;
  clipboard: {
    /** Copies Markdown as text/plain with its HTML as text/html; 'text' when only plain text could be written. */
    copyRich(content: { text: string; html: string }): Promise<'rich' | 'text'>;
    copyText(text: string): Promise<void>;
  };
  download(filename: string, content: string, mime?: string): void;
  /** Asks the user to confirm a destructive action (`window.confirm`). */
  confirm(question: string): boolean;
  /** Tells other open pages about each write (optional: tests of one page leave it out). */
  changes?: Pick<ChangeFeed, 'notify'>;
}

export interface OptionsNotice extends Notice {
  /** Clippings that "undo" puts back as they were (a delete). */
  undo?: Clipping[];
}

export type OptionsView = 'issue' | 'backlog' | 'archive' | 'settings';

/**
 * The options page's one store: what is in the database, mirrored in signals, plus what is derived from
 * it (the open issue's Markdown is computed, never stored). Actions live beside it in `*-actions.ts`.
 */
export function createOptionsState(services: OptionsServices) {
  const loaded = signal(false);
  const clippings = signal<Clipping[]>([]);
  const categories = signal<Category[]>([]);
  const issues = signal<Issue[]>([]);
  const settings = signal<NewsletterSettings>(DEFAULT_SETTINGS);
  const view = signal<OptionsView>('issue');
  const editingId = signal<string | null>(null);
  const notice = signal<OptionsNotice | null>(null);
  const search = signal('');
  /** The outcome of the last backup or team import/export (`backup-status`). */
  const backupStatus = signal<{ state: 'ok' | 'error'; text: string } | null>(null);
  /** The published issue shown in the archive view. */
  const archivedId = signal<string | null>(null);
  /** The item of that issue to point at, when the page was opened on it (`#archive/<issue>/<item>`). */
  const archivedItemId = signal<string | null>(null);

  const openIssue = computed(() => issues.value.find((issue) => issue.status === 'open'));
  const sourceOf = (issue: Issue): IssueSource => ({
    issue,
    clippings: clippings.value,
    categories: categories.value,
    settings: settings.value,
  });
  const backlog = computed(() => clippings.value.filter((clipping) => clipping.issueId === null));

  function say(tone: OptionsNotice['tone'], key: MessageKey, substitutions?: string | string[]): void {
    notice.value = { tone, text: services.t(key, substitutions) };
  }

  function storageFailure(key: 'errorSaveFailed' | 'errorLoadFailed', error: unknown): void {
    notice.value = { tone: 'error', text: storageErrorMessage(services.t, key, error) };
  }

  let writes: Promise<unknown> = Promise.resolve();

  /**
   * Runs a storage write and reports a failure in the user's words. Writes run one at a time, in the
   * order they were asked for, and `run` is called only when its turn comes: it computes what to write
   * from the signals as the previous write left them (two quick edits never overwrite each other). The
   * signals change only in `apply`, after the write succeeded, so the page never shows what was not saved.
   * `run` may return undefined to write nothing.
   */
  function write<T>(
    run: (repos: Repositories) => Promise<T> | undefined,
    apply?: (result: T) => void,
  ): Promise<boolean> {
    const turn = writes.then(async () => {
      try {
        const pending = run(await services.repositories);
        if (pending === undefined) return false;
        const result = await pending;
        apply?.(result);
        services.changes?.notify();
        return true;
      } catch (error) {
        storageFailure('errorSaveFailed', error);
        return false;
      }
    });
    writes = turn;
    return turn;
  }

  let loading: Promise<void> | undefined;
  let reloadAfter = false;

  /**
   * Reads everything from the database into the page. Called at start and whenever another page wrote;
   * calls that arrive during a load are folded into one more load after it.
   */
  function load(): Promise<void> {
    if (loading) {
      reloadAfter = true;
      return loading;
    }
    loading = readAll().finally(() => {
      loading = undefined;
      if (reloadAfter) {
        reloadAfter = false;
        void load();
      }
    });
    return loading;
  }

  async function readAll(): Promise<void> {
    try {
      const repos = await services.repositories;
      const [list, cats, all, newsletter] = await Promise.all([
        repos.clippings.list(),
        repos.categories.list(),
        repos.issues.list(),
        repos.settings.getNewsletter(),
      ]);
      clippings.value = list;
      categories.value = cats;
      issues.value = all;
      settings.value = newsletter;
      loaded.value = true;
    } catch (error) {
      storageFailure('errorLoadFailed', error);
    }
  }

  /** Puts saved clippings into the mirror, replacing those with the same id. */
  function mergeClippings(saved: readonly Clipping[]): void {
    const ids = new Set(saved.map((clipping) => clipping.id));
    clippings.value = [...clippings.value.filter((clipping) => !ids.has(clipping.id)), ...saved];
  }

  function mergeIssues(saved: readonly Issue[]): void {
    const ids = new Set(saved.map((issue) => issue.id));
    issues.value = [...issues.value.filter((issue) => !ids.has(issue.id)), ...saved].sort(
      (a, b) => b.number - a.number,
    );
  }

  return {
    services,
    loaded,
    clippings,
    categories,
    issues,
    settings,
    view,
    editingId,
    notice,
    search,
    archivedId,
    archivedItemId,
    backupStatus,
    openIssue,
    backlog,
    sourceOf,
    say,
    write,
    load,
    mergeClippings,
    mergeIssues,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;

export const OptionsContext = createContext<OptionsState | null>(null);

export function useOptionsState(): OptionsState {
  const state = useContext(OptionsContext);
  if (!state) throw new Error('useOptionsState() needs an <OptionsContext.Provider>.');
  return state;
}
