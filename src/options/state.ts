import { computed, effect, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import type { MessageKey, Notice, Translate } from '../core/messages';
import type { IssueSource } from '../core/render/zenn';
import { DEFAULT_SETTINGS, type NewsletterSettings } from '../core/settings';
import { storageErrorMessage } from '../core/storage-error';
import type { TeamRemoteConfig } from '../core/team-remote';
import type { ChangeFeed } from '../platform/change-feed';
import type { TeamLocks } from '../platform/team-locks';
import type { Repositories } from '../storage/repositories';
import { createOpenIssueView } from './open-issue-view';
import { createRepeatedLinksView } from './repeated-links-view';
import { readShown as readFromDatabase, type ShownRead } from './shown-read';

export interface OptionsServices {
  repositories: Promise<Repositories>;
  /**
   * The open issue's view read ahead, started before the page's code is evaluated (first-read.ts), used
   * by the first load unless that load must read every clipping (optional: tests read when loading).
   */
  firstRead?: Promise<ShownRead>;
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
  /** One team sync at a time across this browser's pages and background (optional: tests run alone). */
  teamLocks?: Pick<TeamLocks, 'syncing'>;
}

export interface OptionsNotice extends Notice {
  /** Clippings that "undo" puts back as they were (a delete). */
  undo?: Clipping[];
}

export type OptionsView = 'issue' | 'backlog' | 'archive' | 'settings';

/** The team sync's `data-state`, part of the e2e contract (`idle`: not connected or not run yet). */
export type TeamSyncState = 'idle' | 'ok' | 'working' | 'error' | 'offline';

export interface TeamStatus {
  state: TeamSyncState;
  text: string;
}

/**
 * The options page's one store: what is in the database, mirrored in signals, plus what is derived from
 * it as computed signals (the open issue's items, sections, Markdown and title: open-issue-view.ts).
 * At start it reads only what the issue view shows; the other views read every clipping when opened.
 * Actions live beside it in `*-actions.ts`.
 */
export function createOptionsState(services: OptionsServices) {
  const loaded = signal(false);
  /**
   * The clippings the page holds: at start only the open issue's (read by index); every clipping once
   * a view needs them all (`everything`: the backlog, the archive, search, settings).
   */
  const clippings = signal<Clipping[]>([]);
  /** Whether `clippings` holds every stored clipping, not only the open issue's. */
  const everything = signal(false);
  /** The backlog's size as counted in storage, for the navigation while not every clipping is read. */
  const backlogCount = signal(0);
  const categories = signal<Category[]>([]);
  const issues = signal<Issue[]>([]);
  const settings = signal<NewsletterSettings>(DEFAULT_SETTINGS);
  const view = signal<OptionsView>('issue');
  const editingId = signal<string | null>(null);
  const notice = signal<OptionsNotice | null>(null);
  const search = signal('');
  /** The outcome of the last backup or team import/export (`backup-status`). */
  const backupStatus = signal<{ state: 'ok' | 'error'; text: string } | null>(null);
  /** The team repository this browser is connected to (issue 11), once read; null when none. */
  const teamRemote = signal<TeamRemoteConfig | null>(null);
  /** The team sync's status line (`team-sync-status`). */
  const teamStatus = signal<TeamStatus>({ state: 'idle', text: '' });
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
  const view$ = createOpenIssueView({ clippings, categories, settings, openIssue });
  // The 「第N回で紹介済み」 marks: the recent published issues' clippings are read after the first paint.
  const repeated$ = createRepeatedLinksView({
    issues,
    clippings,
    everything,
    loaded,
    openItems: view$.openItems,
    readIssue: async (issueId) => (await services.repositories).clippings.listByIssue(issueId),
  });

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
   * from the signals as the previous write left them (two quick edits never overwrite each other) and
   * resolves to its outcome, or to undefined when it wrote nothing. `apply` takes that outcome into the
   * signals, after the write succeeded, so the page never shows what was not saved. Other pages are told;
   * `touched` names the clippings the outcome changed, so they read only those (undefined: anything).
   * Resolves to the outcome once applied; undefined when nothing was written or the write failed.
   */
  function commit<T>(
    run: (repos: Repositories) => Promise<T | undefined> | undefined,
    apply?: (result: T) => void,
    touched?: (result: T) => readonly string[] | undefined,
  ): Promise<T | undefined> {
    const turn = writes.then(async () => {
      try {
        const result = await run(await services.repositories);
        if (result === undefined) return undefined;
        apply?.(result);
        services.changes?.notify(touched?.(result));
        if (!everything.value) void countBacklog();
        return result;
      } catch (error) {
        storageFailure('errorSaveFailed', error);
        return undefined;
      }
    });
    writes = turn;
    return turn;
  }

  /** `commit`, for callers that only ask whether it wrote. */
  function write<T>(
    run: (repos: Repositories) => Promise<T | undefined> | undefined,
    apply?: (result: T) => void,
    touched?: (result: T) => readonly string[] | undefined,
  ): Promise<boolean> {
    return commit(run, apply, touched).then((result) => result !== undefined);
  }

  let loading: Promise<void> | undefined;
  let reloadAfter = false;

  /**
   * Reads what the page shows from the database: at start, and whenever another page wrote something
   * it cannot name. Calls that arrive during a load are folded into one more load after it.
   */
  function load(): Promise<void> {
    if (loading) {
      reloadAfter = true;
      return loading;
    }
    loading = readShown().finally(() => {
      loading = undefined;
      if (reloadAfter) {
        reloadAfter = false;
        void load();
      }
    });
    return loading;
  }

  let wantEverything = false;

  /** Reads every clipping (once; later loads keep them all), for a view that lists beyond the open issue. */
  async function loadEverything(): Promise<void> {
    if (everything.value) return;
    wantEverything = true;
    await load();
    // A load already running when this was asked read only the open issue; the folded one reads all.
    if (!everything.value) await loading;
  }

  let firstRead = services.firstRead;

  async function readShown(): Promise<void> {
    try {
      const ahead = firstRead;
      firstRead = undefined;
      const read =
        ahead && !wantEverything
          ? await ahead
          : await readFromDatabase(await services.repositories, wantEverything);
      clippings.value = read.clippings;
      everything.value = read.everything;
      categories.value = read.categories;
      issues.value = read.issues;
      settings.value = read.settings;
      loaded.value = true;
      // Only the navigation shows the count, and counting walks every clipping's key: asked after the
      // reads, so that they are not queued behind it (issue 8).
      if (!read.everything) void countBacklog();
    } catch (error) {
      storageFailure('errorLoadFailed', error);
    }
  }

  /** Counts the backlog for the navigation; a failed count leaves the last one (reads report their own). */
  async function countBacklog(): Promise<void> {
    try {
      backlogCount.value = await (await services.repositories).clippings.countBacklog();
    } catch {
      // Only the navigation's "(n)" depends on it.
    }
  }

  /**
   * Another page saved these clippings (the popup, another tab): reads only them and puts them in place,
   * or drops those deleted. One in an issue this page does not know means more changed: everything shown
   * is read again.
   */
  async function refreshClippings(ids: readonly string[]): Promise<void> {
    try {
      const repos = await services.repositories;
      const found = await repos.clippings.getMany(ids);
      const known = new Set(issues.value.map((issue) => issue.id));
      if (found.some((clipping) => clipping.issueId !== null && !known.has(clipping.issueId))) {
        await load();
        return;
      }
      const openId = openIssue.value?.id;
      const gone = new Set(ids);
      for (const clipping of found) gone.delete(clipping.id);
      const held = new Set(clippings.value.map((clipping) => clipping.id));
      // Without every clipping read, only the open issue's and those already held are the page's business.
      const shown = found.filter(
        (clipping) => everything.value || clipping.issueId === openId || held.has(clipping.id),
      );
      if (gone.size > 0) clippings.value = clippings.value.filter((clipping) => !gone.has(clipping.id));
      if (shown.length > 0) mergeClippings(shown);
      if (!everything.value) await countBacklog();
    } catch (error) {
      storageFailure('errorLoadFailed', error);
    }
  }

  /** Puts saved clippings into the mirror, replacing those with the same id (in place, keeping order). */
  function mergeClippings(saved: readonly Clipping[]): void {
    const byId = new Map(saved.map((clipping) => [clipping.id, clipping]));
    const next = clippings.value.map((clipping) => {
      const replacement = byId.get(clipping.id);
      if (replacement) byId.delete(clipping.id);
      return replacement ?? clipping;
    });
    clippings.value = [...next, ...byId.values()];
  }

  // The issue view needs only the open issue; every other view, and search, lists from all the clippings.
  effect(() => {
    if (view.value !== 'issue' || search.value.trim() !== '') void loadEverything();
  });

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
    everything,
    backlogCount,
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
    teamRemote,
    teamStatus,
    openIssue,
    backlog,
    ...view$,
    ...repeated$,
    sourceOf,
    say,
    commit,
    write,
    load,
    loadEverything,
    refreshClippings,
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
