import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Category } from '../core/category';
import type { Clipping } from '../core/clipping';
import { type Issue, issueItems } from '../core/issue';
import {
  type IssueSource,
  joinBlocks,
  renderedSections,
  renderZennBlocks,
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

function sameItems(a: readonly Clipping[], b: readonly Clipping[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
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
   * The afterword as its field shows it, which is saved after a pause in typing: the Markdown follows
   * each key at once (issue 8: ≤ 16 ms a key), and the stored issue when nothing is typed.
   */
  const shownAfterword = signal<{ issueId: string; text: string } | null>(null);
  const showAfterword = (issueId: string, text: string): void => {
    const shown = shownAfterword.peek();
    if (shown?.issueId !== issueId || shown.text !== text) shownAfterword.value = { issueId, text };
  };

  const openSource = computed((): IssueSource | undefined => {
    const stored = openIssue.value;
    if (!stored) return undefined;
    const shown = shownAfterword.value;
    const issue =
      shown && shown.issueId === stored.id && shown.text !== stored.afterword
        ? { ...stored, afterword: shown.text }
        : stored;
    return { issue, clippings: openItems.value, categories: categories.value, settings: settings.value };
  });
  const openBlocks = computed(() => {
    const source = openSource.value;
    return source ? renderZennBlocks(source) : [];
  });
  const openMarkdown = computed(() => (openSource.value ? joinBlocks(openBlocks.value) : ''));
  const openTitle = computed(() => {
    const source = openSource.value;
    return source ? renderZennTitle(source) : '';
  });

  return {
    openItems,
    openSections,
    openRendered,
    openSource,
    openBlocks,
    openMarkdown,
    openTitle,
    showAfterword,
  };
}
