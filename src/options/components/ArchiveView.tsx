import { useMemo, useState } from 'preact/hooks';
import { type Category, sortCategories } from '../../core/category';
import type { Clipping } from '../../core/clipping';
import { compareItemOrder, type Issue, issueItems } from '../../core/issue';
import { joinBlocks, renderZennBlocks, renderZennTitle } from '../../core/render/zenn';
import { confirmPublishedEdit } from '../issue-actions';
import { useOptionsState } from '../state';
import { ArchivedItem } from './ArchivedItem';
import { EditableClipping } from './EditableClipping';
import { OutputPanel } from './OutputPanel';

export interface ArchiveViewProps {
  formatDate: (time: number) => string;
}

/**
 * Published issues, newest first; choosing one shows its items as they went out and its Markdown again.
 * They are frozen: only a confirmed 「公開済みの号を編集」 makes the items editable, and storage records
 * each save made then on the issue, shown here.
 */
interface IssueSummary {
  count: number;
  byId: Map<string, Clipping>;
  /** The item the Zenn title names when no headline is chosen: the first of the first section. */
  first?: Clipping;
}

function summarize(
  clippings: readonly Clipping[],
  categories: readonly Category[],
): Map<string, IssueSummary> {
  const sectionOf = new Map(sortCategories(categories).map((category, index) => [category.id, index]));
  const place = (clipping: Clipping) => sectionOf.get(clipping.categoryId) ?? Number.MAX_SAFE_INTEGER;
  const summaries = new Map<string, IssueSummary>();
  for (const clipping of clippings) {
    if (clipping.issueId === null) continue;
    let summary = summaries.get(clipping.issueId);
    if (!summary) {
      summary = { count: 0, byId: new Map() };
      summaries.set(clipping.issueId, summary);
    }
    summary.count += 1;
    summary.byId.set(clipping.id, clipping);
    const { first } = summary;
    const before = first && (place(clipping) - place(first) || compareItemOrder(clipping, first));
    if (!first || (before ?? 0) < 0) summary.first = clipping;
  }
  return summaries;
}

/** What the issue's Zenn title named: its topic, else its headline item's title. */
function headlineOf(issue: Issue, summary: IssueSummary | undefined): string {
  const topic = issue.topic?.trim();
  if (topic) return topic;
  const chosen = issue.headlineId === null ? undefined : summary?.byId.get(issue.headlineId);
  return (chosen ?? summary?.first)?.title ?? '';
}

export function ArchiveView({ formatDate }: ArchiveViewProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [editingIssueId, setEditingIssueId] = useState<string | null>(null);
  const published = state.issues.value.filter((issue) => issue.status === 'published');
  const chosen = published.find((issue) => issue.id === state.archivedId.value);
  const all = state.clippings.value;
  const items = useMemo(() => (chosen ? issueItems(chosen.id, all) : []), [chosen, all]);
  const categories = state.categories.value;
  // One pass over the clippings for every issue's count and headline, not one per issue listed.
  const summaries = useMemo(() => summarize(all, categories), [all, categories]);
  const settings = state.settings.value;
  const output = useMemo(() => {
    if (!chosen) return undefined;
    const source = { issue: chosen, clippings: items, categories, settings };
    const blocks = renderZennBlocks(source);
    return { source, runs: [blocks], markdown: joinBlocks(blocks), title: renderZennTitle(source) };
  }, [chosen, items, categories, settings]);
  const editing = chosen !== undefined && editingIssueId === chosen.id;
  const edits = chosen?.editedAfterPublish ?? [];
  return (
    <section aria-labelledby="archive-heading" class="archive">
      <h2 id="archive-heading">{t('navArchive')}</h2>
      {published.length === 0 && <p class="empty">{t('archiveEmpty')}</p>}
      <ul class="archive-list">
        {published.map((issue) => (
          <li key={issue.id}>
            <button
              type="button"
              class="link-button"
              data-testid="archive-issue"
              aria-current={issue.id === chosen?.id}
              onClick={() => {
                state.archivedId.value = issue.id;
                state.archivedItemId.value = null;
              }}
            >
              {t('issueHeading', [String(issue.number), issue.date])}
            </button>
            <span class="count">
              {t('clippingCount', String(summaries.get(issue.id)?.count ?? 0))}
              {issue.publishedAt !== null && ` · ${t('publishedAt', formatDate(issue.publishedAt))}`}
            </span>
            {headlineOf(issue, summaries.get(issue.id)) && (
              <span class="archive-headline" data-testid="archive-headline">
                {t('archiveHeadline', headlineOf(issue, summaries.get(issue.id)))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {chosen && (
        <>
          {edits.length > 0 && (
            <p class="notice notice-info" data-testid="archive-edits">
              {t('editedAfterPublish', edits.map((time) => formatDate(time)).join('、'))}
            </p>
          )}
          <div class="actions">
            <button
              type="button"
              class={editing ? undefined : 'danger'}
              data-testid="archive-edit-published"
              aria-pressed={editing}
              onClick={() => {
                if (editing) setEditingIssueId(null);
                else if (confirmPublishedEdit(state, chosen)) setEditingIssueId(chosen.id);
              }}
            >
              {t(editing ? 'stopEditingPublished' : 'editPublished')}
            </button>
          </div>
          {editing ? (
            <div class="archive-items">
              {items.map((item) => (
                <EditableClipping key={item.id} clipping={item} formatDate={formatDate} afterPublish />
              ))}
            </div>
          ) : (
            <ul class="archive-items">
              {items.map((item) => (
                <ArchivedItem
                  key={item.id}
                  clipping={item}
                  t={t}
                  current={item.id === state.archivedItemId.value}
                />
              ))}
            </ul>
          )}
          {output && <OutputPanel {...output} />}
        </>
      )}
    </section>
  );
}
