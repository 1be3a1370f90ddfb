import { type Category, sortCategories } from '../category';
import type { Clipping } from '../clipping';
import { headlineItem, type Issue, issueItems } from '../issue';
import { fillTemplate, type NewsletterSettings } from '../settings';
import { escapeHeadingText } from './heading';
import { linkCardLine } from './link-card';
import { renderNote } from './note';

/**
 * The issue as the team writes it by hand on Zenn:
 *
 *   # {name} ({date}号)
 *   {intro}
 *   ## {category}
 *   ### {title}
 *   {url}
 *   {note}
 *   ## あとがき
 *   {afterword}
 *
 * with one blank line between blocks and a newline at the end.
 */

/** What an issue renders from: the issue, every clipping (the issue's are picked out), categories, settings. */
export interface IssueSource {
  issue: Issue;
  clippings: readonly Clipping[];
  categories: readonly Category[];
  settings: NewsletterSettings;
}

export interface RenderedSection {
  category: Category;
  items: Clipping[];
}

/**
 * The sections that appear: categories in their order, each with the issue's items in the user's order;
 * empty sections and items carried over to the next issue are left out. Items whose category no longer
 * exists cannot occur (deleting a category moves its clippings), but if one did it would be left out here
 * and shown by the editor.
 */
export function renderedSections(
  issue: Pick<Issue, 'id'>,
  clippings: readonly Clipping[],
  categories: readonly Category[],
): RenderedSection[] {
  const items = issueItems(issue.id, clippings).filter((item) => !item.carryOver);
  return sortCategories(categories)
    .map((category) => ({ category, items: items.filter((item) => item.categoryId === category.id) }))
    .filter((section) => section.items.length > 0);
}

function headingLine(level: 1 | 2 | 3, text: string): string {
  return `${'#'.repeat(level)} ${escapeHeadingText(text)}`;
}

/**
 * Each item's heading and card lines, by the clipping object (saved clippings are new objects, never
 * changed in place), so rendering an issue again after one change escapes and checks only new items.
 */
const linesOf = new WeakMap<Clipping, { title: string; url: string; lines: string[] }>();

function itemLines(item: Clipping): string[] {
  const hit = linesOf.get(item);
  if (hit && hit.title === item.title && hit.url === item.url) return hit.lines;
  const lines = [headingLine(3, item.title)];
  if (item.url.trim() !== '') lines.push(linkCardLine(item.url));
  linesOf.set(item, { title: item.title, url: item.url, lines });
  return lines;
}

/** `scope` and `footnotes` keep the item's footnotes its own (see renderNote). */
function renderItem(item: Clipping, scope: string, footnotes: Set<string>): string[] {
  const blocks = [...itemLines(item)];
  const note = renderNote(item.note, scope, footnotes);
  if (note !== '') blocks.push(note);
  return blocks;
}

/** The page title line, `{name} ({date}号)`. */
export function issueHeading(issue: Pick<Issue, 'date'>, settings: Pick<NewsletterSettings, 'name'>): string {
  return `${settings.name.trim()} (${issue.date}号)`;
}

/** The issue's Markdown for Zenn. */
export function renderZenn(source: IssueSource): string {
  return joinBlocks(renderZennBlocks(source));
}

/** The Markdown of `blocks` as renderZenn writes it: one blank line between blocks, a newline at the end. */
export function joinBlocks(blocks: readonly string[]): string {
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The issue's Markdown as its blocks (heading, intro, each section heading, each item's heading, card and
 * note, the afterword), which `joinBlocks` turns into renderZenn's text. The options page shows them as
 * one element each, so a key typed in one note lays out one block, not the whole issue.
 */
export function renderZennBlocks(source: IssueSource): string[] {
  return renderZennParts(source).flatMap((part) => part.blocks);
}

/**
 * A run of the issue's blocks, and the footnote labels claimed once it is rendered (those of every block
 * before it included): what the next run renders after.
 */
export interface BlockRun {
  blocks: string[];
  taken: readonly string[];
}

/**
 * The issue's blocks in runs that change apart: the head (heading and intro), one run per section, the
 * afterword. Each run depends only on its inputs and on the labels the run before it claimed, so the
 * options page renders again only the runs a change touched; `renderZennBlocks` is their concatenation,
 * which keeps the two the same by construction.
 */
export function renderZennParts({ issue, clippings, categories, settings }: IssueSource): BlockRun[] {
  const head = renderHeadBlocks(issue, settings);
  const sections = renderSectionBlocks(issue, clippings, categories, head.taken);
  const before = sections.at(-1)?.taken ?? head.taken;
  const footer = renderFooter(issue, settings);
  return [head, ...sections, { blocks: renderAfterwordBlocks(issue.afterword, before, footer), taken: [] }];
}

/** The settings' footer template filled in for this issue (still as typed: renderAfterwordBlocks confines it). */
export function renderFooter(
  issue: Pick<Issue, 'number' | 'date'>,
  settings: Pick<NewsletterSettings, 'name' | 'footerTemplate'>,
): string {
  return fillTemplate(settings.footerTemplate, {
    name: settings.name.trim(),
    number: issue.number,
    date: issue.date,
  });
}

/** The issue's `#` heading and its intro from the settings' template. */
export function renderHeadBlocks(
  issue: Pick<Issue, 'number' | 'date'>,
  settings: NewsletterSettings,
): BlockRun {
  const blocks: string[] = [headingLine(1, issueHeading(issue, settings))];
  const values = { name: settings.name.trim(), number: issue.number, date: issue.date };
  // Every block of user text goes through renderNote, each with a footnote scope of its own; the
  // labels claimed so far are shared, so a later block's `[^1]` is renamed instead of merging.
  const footnotes = new Set<string>();
  const intro = renderNote(fillTemplate(settings.introTemplate, values), 'intro', footnotes);
  if (intro !== '') blocks.push(intro);
  return { blocks, taken: [...footnotes] };
}

/** Each rendered section's `##` heading and its items' blocks, after the labels `taken` before them. */
export function renderSectionBlocks(
  issue: Pick<Issue, 'id'>,
  clippings: readonly Clipping[],
  categories: readonly Category[],
  taken: readonly string[],
): BlockRun[] {
  const footnotes = new Set(taken);
  let itemNumber = 0;
  return renderedSections(issue, clippings, categories).map((section) => {
    const blocks = [headingLine(2, section.category.label)];
    for (const item of section.items) blocks.push(...renderItem(item, `n${++itemNumber}`, footnotes));
    return { blocks, taken: [...footnotes] };
  });
}

/**
 * The `## あとがき` heading and the afterword, then the footer (the signature line, renderFooter), after
 * the labels `taken` by every block before them. Each is left out while blank; the footer goes through
 * the same confinement as every note, so no footer can break the issue above it.
 */
export function renderAfterwordBlocks(afterword: string, taken: readonly string[], footer = ''): string[] {
  const labels = new Set(taken);
  const text = renderNote(afterword, 'afterword', labels);
  const signature = renderNote(footer, 'footer', labels);
  return [...(text === '' ? [] : ['## あとがき', text]), ...(signature === '' ? [] : [signature])];
}

/**
 * The Zenn article's own title (its front matter), which Zenn asks for separately:
 * `{headline}の話題など: {name} ({date}号)` (a space before の after Latin text), or just the heading when the issue has no items yet.
 */
export function renderZennTitle({ issue, clippings, categories, settings }: IssueSource): string {
  const rendered = renderedSections(issue, clippings, categories).flatMap((section) => section.items);
  const heading = issueHeading(issue, settings);
  // The team's own words for the topic, else the headline item's title.
  const topic = (issue.topic ?? '').replace(/\s+/g, ' ').trim() || headlineItem(issue, rendered)?.title;
  if (!topic) return heading;
  // The team puts a space between Latin and Japanese text: `Cilium BGP Control Plane の話題など`.
  const space = /[\x21-\x7e]$/.test(topic) ? ' ' : '';
  return `${topic}${space}の話題など: ${heading}`;
}
