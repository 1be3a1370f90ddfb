import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import { type Issue, issueItems } from '../core/issue';
import {
  type BlockRun,
  type IssueSource,
  renderAfterwordBlocks,
  renderedSections,
  renderFooter,
  renderHeadBlocks,
  renderSectionBlocks,
  renderZennTitle,
} from '../core/render/zenn';
import type { NewsletterSettings } from '../core/settings';

export interface OpenIssueInputs {
  clippings: ReadonlySignal<Clipping[]>;
  categories: ReadonlySignal<Category[]>;
  settings: ReadonlySignal<NewsletterSettings>;
  openIssue: ReadonlySignal<Issue | undefined>;
}

const NO_ITEMS: Clipping[] = [];

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

const NO_BLOCKS: readonly string[] = [];

/** `next`, with each run whose blocks equal the one before at the same place given that run's array. */
function keepSameRuns(
  previous: readonly (readonly string[])[],
  next: readonly BlockRun[],
): (readonly string[])[] {
  return next.map(({ blocks }, index) => {
    const before = previous[index];
    return before && sameItems(before, blocks) ? before : blocks;
  });
}

/** The Markdown of runs of blocks as joinBlocks writes their concatenation. */
function joinRuns(runs: readonly string[]): string {
  const filled = runs.filter((run) => run !== '');
  return filled.length === 0 ? '\n' : `${filled.join('\n\n')}\n`;
}

/**
 * A text field of the open issue as the field shows it (`show`, told on each key), ahead of its save.
 * `over` is that text while it differs from the stored one for the same issue, undefined otherwise.
 */
function shownText() {
  const shown = signal<{ issueId: string; text: string } | null>(null);
  return {
    show(issueId: string, text: string): void {
      const current = shown.peek();
      if (current?.issueId !== issueId || current.text !== text) shown.value = { issueId, text };
    },
    over(issueId: string, stored: string): string | undefined {
      const current = shown.value;
      return current && current.issueId === issueId && current.text !== stored ? current.text : undefined;
    },
  };
}

/**
 * What the editor shows of the open issue, derived once per change instead of on every render: its
 * items, each section's items, the rendered ones (the headline choices), its Markdown and Zenn title.
 * A signal recomputes only when what it reads changed: one key in あとがき changes the issue, so the
 * Markdown is rendered again (each note comes from renderNote's memo), while the items and the sections'
 * arrays stay the same objects and no card renders again. A section whose items did not change keeps
 * its array, so a save in one section leaves the others alone.
 */
export function createOpenIssueView({ clippings, categories, settings, openIssue }: OpenIssueInputs) {
  const openIssueId = computed(() => openIssue.value?.id);
  const openItems = computed(() => {
    const id = openIssueId.value;
    return id === undefined ? NO_ITEMS : issueItems(id, clippings.value);
  });

  let previous = new Map<string, Clipping[]>();
  const openSections = computed(() => {
    const next = new Map<string, Clipping[]>();
    for (const item of openItems.value) {
      const section = next.get(item.categoryId);
      if (section) section.push(item);
      else next.set(item.categoryId, [item]);
    }
    for (const [categoryId, items] of next) {
      const before = previous.get(categoryId);
      if (before && sameItems(before, items)) next.set(categoryId, before);
    }
    previous = next;
    return next;
  });

  const openRendered = computed(() => {
    const id = openIssueId.value;
    if (id === undefined) return NO_ITEMS;
    return renderedSections({ id }, openItems.value, categories.value).flatMap((section) => section.items);
  });

  /**
   * The afterword and the topic as their fields show them, which are saved after a pause in typing: the
   * Markdown and the title follow each key at once (issue 8: ≤ 16 ms a key), and the stored issue when
   * nothing is typed.
   */
  const shownAfterword = shownText();
  const shownTopic = shownText();
  /** The stored issue with the topic its field shows; the same object while that is what is stored. */
  const withShownTopic = (stored: Issue): Issue => {
    const topic = shownTopic.over(stored.id, stored.topic ?? '');
    return topic === undefined ? stored : { ...stored, topic };
  };

  const openSource = computed((): IssueSource | undefined => {
    const stored = openIssue.value;
    if (!stored) return undefined;
    const afterword = shownAfterword.over(stored.id, stored.afterword);
    const shown = withShownTopic(stored);
    const issue = afterword === undefined ? shown : { ...shown, afterword };
    return { issue, clippings: openItems.value, categories: categories.value, settings: settings.value };
  });
  // The Markdown in runs (zenn.ts renderZennParts), each recomputed only when what it reads changed: a
  // key in あとがき renders the afterword alone; a move renders the sections, not the head.
  let head: { number: number; date: string; settings: NewsletterSettings; run: BlockRun } | undefined;
  const openHead = computed((): BlockRun | undefined => {
    const source = openSource.value;
    if (!source) return undefined;
    const { issue, settings: chosen } = source;
    if (head?.number !== issue.number || head.date !== issue.date || head.settings !== chosen) {
      head = {
        number: issue.number,
        date: issue.date,
        settings: chosen,
        run: renderHeadBlocks(issue, chosen),
      };
    }
    return head.run;
  });
  const openSectionRuns = computed((): BlockRun[] => {
    const id = openIssueId.value;
    const before = openHead.value;
    return id === undefined || !before
      ? []
      : renderSectionBlocks({ id }, openItems.value, categories.value, before.taken);
  });
  const openAfterword = computed(() => openSource.value?.issue.afterword ?? '');
  const openFooter = computed(() => {
    const source = openSource.value;
    return source ? renderFooter(source.issue, source.settings) : '';
  });
  const openTail = computed(() => {
    const taken = openSectionRuns.value.at(-1)?.taken ?? openHead.value?.taken ?? [];
    return openHead.value ? renderAfterwordBlocks(openAfterword.value, taken, openFooter.value) : NO_BLOCKS;
  });
  let runs: (readonly string[])[] = [];
  /** The blocks in runs (head, each section, afterword), each run the same array while it is unchanged. */
  const openBlockRuns = computed((): readonly (readonly string[])[] => {
    const first = openHead.value;
    if (!first) {
      runs = [];
      return runs;
    }
    const next = keepSameRuns(runs, [
      first,
      ...openSectionRuns.value,
      { blocks: [...openTail.value], taken: [] },
    ]);
    runs = sameItems(runs, next) ? runs : next;
    return runs;
  });
  const openBlocks = computed(() => openBlockRuns.value.flat());
  const joined = new WeakMap<readonly string[], string>();
  const joinRun = (run: readonly string[]): string => {
    let text = joined.get(run);
    if (text === undefined) {
      text = run.join('\n\n');
      joined.set(run, text);
    }
    return text;
  };
  const openMarkdown = computed(() => (openSource.value ? joinRuns(openBlockRuns.value.map(joinRun)) : ''));
  // The title does not read the afterword: typing in it leaves the title alone.
  const openTitle = computed(() => {
    const stored = openIssue.value;
    if (!stored) return '';
    return renderZennTitle({
      issue: withShownTopic(stored),
      clippings: openItems.value,
      categories: categories.value,
      settings: settings.value,
    });
  });

  return {
    openItems,
    openSections,
    openRendered,
    openSource,
    openBlocks,
    openBlockRuns,
    openSectionRuns,
    openMarkdown,
    openTitle,
    showAfterword: shownAfterword.show,
    showTopic: shownTopic.show,
  };
}
