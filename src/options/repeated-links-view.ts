import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import type { Clipping } from '../core/clipping';
import type { Issue } from '../core/issue';
import {
  buildRepeatedLinkIndex,
  type RepeatedLink,
  recentPublishedIssues,
  repeatedLinkKey,
  repeatedLinksOf,
} from '../core/repeated-links';

export interface RepeatedLinkInputs {
  issues: ReadonlySignal<Issue[]>;
  clippings: ReadonlySignal<Clipping[]>;
  /** Whether `clippings` holds every stored clipping (state.ts); until then the recent ones are read here. */
  everything: ReadonlySignal<boolean>;
  loaded: ReadonlySignal<boolean>;
  openItems: ReadonlySignal<Clipping[]>;
  /** The clippings stored in one issue (the clippings repository's `listByIssue`). */
  readIssue(issueId: string): Promise<Clipping[]>;
  /** Runs a task once the page has painted (default: after the next frame). */
  later?: (task: () => void) => void;
}

/** A published issue's clippings as read, and the version of the issue they were read at. */
interface IssueRead {
  version: string;
  clippings: Clipping[];
}

const NO_LINKS = new Map<string, readonly RepeatedLink[]>();

function afterPaint(task: () => void): void {
  // As progressive.ts: after the next frame, so that the first screen is painted before this starts.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task));
  else setTimeout(task);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameLinks(a: readonly RepeatedLink[], b: readonly RepeatedLink[]): boolean {
  return (
    a.length === b.length &&
    a.every((link, index) => link.issue === b[index]?.issue && link.clipping === b[index]?.clipping)
  );
}

/** Changes when a published issue's items may have: the archive's confirmed edits are recorded on it. */
function versionOf(issue: Issue): string {
  return `${issue.updatedAt}/${issue.editedAfterPublish?.length ?? 0}`;
}

/**
 * Which items of the open issue went out in one of the last published issues (core/repeated-links.ts),
 * for the item's 「第N回で紹介済み」 mark. The page starts with only the open issue's clippings (issue 8);
 * the recent published issues' are read after the first paint, by index, one issue at a time and each
 * once, so the mark may appear a moment after the items. Once every clipping is read, those are used.
 * The index is built again only when the published issues or their clippings change: an edit of an open
 * item looks that item up again, no more.
 */
export function createRepeatedLinksView({
  issues,
  clippings,
  everything,
  loaded,
  openItems,
  readIssue,
  later = afterPaint,
}: RepeatedLinkInputs) {
  let recent: Issue[] = [];
  const recentIssues = computed(() => {
    const next = recentPublishedIssues(issues.value);
    if (!sameItems(recent, next)) recent = next;
    return recent;
  });

  const reads = signal<ReadonlyMap<string, IssueRead>>(new Map());

  let held: Clipping[] = [];
  /** The clippings of the recent published issues: those the page holds, then those read here. */
  const recentClippings = computed(() => {
    const ids = new Set(recentIssues.value.map((issue) => issue.id));
    const next = clippings.value.filter((clipping) => clipping.issueId !== null && ids.has(clipping.issueId));
    if (!everything.value) {
      const known = new Set(clippings.value.map((clipping) => clipping.id));
      for (const issue of recentIssues.value) {
        for (const clipping of reads.value.get(issue.id)?.clippings ?? []) {
          if (!known.has(clipping.id) && clipping.issueId === issue.id) next.push(clipping);
        }
      }
    }
    if (!sameItems(held, next)) held = next;
    return held;
  });

  const repeatedLinkIndex = computed(() => buildRepeatedLinkIndex(recentIssues.value, recentClippings.value));

  // Clippings are replaced, never changed in place: a key kept per object is never stale.
  const keys = new WeakMap<Clipping, string | null>();
  let shown: ReadonlyMap<string, readonly RepeatedLink[]> = NO_LINKS;
  /** Per item of the open issue that went out before, where; each item's list the same array while unchanged. */
  const repeatedLinks = computed(() => {
    const index = repeatedLinkIndex.value;
    const next = new Map<string, readonly RepeatedLink[]>();
    for (const item of openItems.value) {
      let key = keys.get(item);
      if (key === undefined) {
        key = repeatedLinkKey(item);
        keys.set(item, key);
      }
      const links = repeatedLinksOf(index, item, key);
      if (links.length === 0) continue;
      const before = shown.get(item.id);
      next.set(item.id, before && sameLinks(before, links) ? before : links);
    }
    shown = next.size === 0 ? NO_LINKS : next;
    return shown;
  });

  let reading = false;
  let again = false;

  /** Reads the recent published issues not read yet (or changed since), then whatever became missing meanwhile. */
  async function readMissing(): Promise<void> {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const done = reads.peek();
      const missing = everything.peek()
        ? []
        : recentIssues.peek().filter((issue) => done.get(issue.id)?.version !== versionOf(issue));
      if (missing.length === 0) return;
      const found = await Promise.all(missing.map((issue) => readIssue(issue.id)));
      const next = new Map(reads.peek());
      for (const [i, issue] of missing.entries()) {
        next.set(issue.id, { version: versionOf(issue), clippings: found[i] ?? [] });
      }
      reads.value = next;
    } catch {
      // Only the marks depend on it; a later change of the issues tries again.
    } finally {
      reading = false;
      if (again) {
        again = false;
        void readMissing();
      }
    }
  }

  effect(() => {
    if (!loaded.value || everything.value) return;
    const done = reads.peek();
    if (recentIssues.value.some((issue) => done.get(issue.id)?.version !== versionOf(issue))) {
      later(() => void readMissing());
    }
  });

  return { repeatedLinks, repeatedLinkIndex };
}
