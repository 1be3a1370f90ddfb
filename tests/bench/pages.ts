/**
 * Bench-only pages added to the extension copy (never shipped): the blank page every figure is divided
 * by, and the hand-written floor pages of issue 8. They use the popup's and the options page's
 * data-testids so that one definition of "ready" (recorder.ts) serves the product and its floor.
 * Plain JavaScript modules: an extension page may only run packaged scripts (the default CSP).
 */

export const BLANK_PAGE = 'bench-blank.html';
/** A module script that fills the form's title and URL and focuses the note. */
export const FLOOR_FIELD_PAGE = 'bench-floor-field.html';
/** The same, with the title and URL read from tab `?tabId=N`. */
export const FLOOR_TAB_PAGE = 'bench-floor-tab.html';
/**
 * The same, also opening the database and reading, in one transaction, the clipping by URL key, the
 * draft, the categories and the settings; the note is filled and focused when they arrive. The URL key
 * comes computed in `?key=` (the popup computes it with urlMatchKey; a floor need not).
 */
export const FLOOR_DB_PAGE = 'bench-floor-db.html';
/**
 * Opens the database, reads the open issue and its clippings by index in one transaction, draws one plain
 * card per clipping and fills a Markdown textarea.
 */
export const FLOOR_OPTIONS_PAGE = 'bench-floor-options.html';

const FORM_HTML = `<form data-testid="clip-form" data-state="loading">
<input data-testid="clip-title"><input data-testid="clip-url">
<select data-testid="clip-category"></select>
<textarea data-testid="clip-note"></textarea>
</form>`;

function page(title: string, body: string, script?: string): string {
  const tag = script ? `<script type="module" src="${script}"></script>` : '';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title>${tag}</head><body>${body}</body></html>\n`;
}

const COMMON_JS = `
export const q = (id) => document.querySelector('[data-testid="' + id + '"]');
export const params = new URLSearchParams(location.search);
export const request = (r) => new Promise((resolve, reject) => {
  r.onsuccess = () => resolve(r.result);
  r.onerror = () => reject(r.error);
});
// Opens the extension's database at whatever version it has; never creates one (that would leave an
// empty version 1 behind and break the product's own upgrade).
export const openDatabase = () => new Promise((resolve, reject) => {
  const open = indexedDB.open('weekly-clipper');
  open.onupgradeneeded = () => open.transaction.abort();
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
});
`;

const FIELD_JS = `import { q } from './bench-common.js';
q('clip-title').value = 'ベンチ用の記事';
q('clip-url').value = 'http://127.0.0.1/article/bench';
q('clip-form').dataset.state = 'new';
q('clip-note').focus();
`;

const TAB_JS = `import { params, q } from './bench-common.js';
const tab = await chrome.tabs.get(Number(params.get('tabId')));
q('clip-title').value = tab.title ?? '';
q('clip-url').value = tab.url ?? '';
q('clip-form').dataset.state = 'new';
q('clip-note').focus();
`;

const DB_JS = `import { openDatabase, params, q, request } from './bench-common.js';
const key = params.get('key') ?? '';
const tab = chrome.tabs.get(Number(params.get('tabId'))).then((tab) => {
  q('clip-title').value = tab.title ?? '';
  q('clip-url').value = tab.url ?? '';
});
const db = await openDatabase();
const tx = db.transaction(['clippings', 'drafts', 'categories', 'settings'], 'readonly');
const [clipping, draft, categories] = await Promise.all([
  request(tx.objectStore('clippings').index('byUrlKey').get(key)),
  request(tx.objectStore('drafts').get(key)),
  request(tx.objectStore('categories').getAll()),
  request(tx.objectStore('settings').getAll()),
]);
await tab;
const select = q('clip-category');
for (const category of categories.sort((a, b) => a.order - b.order)) {
  select.append(new Option(category.label, category.id));
}
q('clip-note').value = clipping?.note ?? draft?.note ?? '';
q('clip-form').dataset.state = clipping ? 'existing' : 'new';
q('clip-note').focus();
`;

const OPTIONS_JS = `import { openDatabase, q, request } from './bench-common.js';
const db = await openDatabase();
const tx = db.transaction(['issues', 'clippings', 'categories', 'settings'], 'readonly');
const [open] = await request(tx.objectStore('issues').index('byStatus').getAll('open'));
const [items, categories, settings] = await Promise.all([
  request(tx.objectStore('clippings').index('byIssueId').getAll(open.id)),
  request(tx.objectStore('categories').getAll()),
  request(tx.objectStore('settings').get('newsletter')),
]);
const name = settings?.value?.name ?? 'Weekly';
const cards = document.createDocumentFragment();
const markdown = ['# ' + name + ' (' + open.date + '号)', '今回は第' + open.number + '回目の記事となります。'];
for (const category of categories.sort((a, b) => a.order - b.order)) {
  const mine = items.filter((item) => item.categoryId === category.id).sort((a, b) => a.order - b.order);
  if (mine.length === 0) continue;
  const heading = document.createElement('h2');
  heading.textContent = category.label;
  cards.append(heading);
  markdown.push('## ' + category.label);
  for (const item of mine) {
    const card = document.createElement('article');
    const title = document.createElement('h3');
    title.textContent = item.title;
    const url = document.createElement('p');
    url.textContent = item.url;
    const note = document.createElement('p');
    note.textContent = item.note;
    card.append(title, url, note);
    cards.append(card);
    markdown.push('### ' + item.title, item.url, item.note);
  }
}
if (open.afterword) markdown.push('## あとがき', open.afterword);
q('cards').append(cards);
q('issue-markdown').value = markdown.join('\\n\\n') + '\\n';
`;

/** Path inside the extension → text, for Harness.start({ extraFiles }). */
export const BENCH_FILES: Readonly<Record<string, string>> = {
  [BLANK_PAGE]: page('blank', ''),
  'bench-common.js': COMMON_JS,
  [FLOOR_FIELD_PAGE]: page('floor: field', FORM_HTML, 'bench-floor-field.js'),
  'bench-floor-field.js': FIELD_JS,
  [FLOOR_TAB_PAGE]: page('floor: tab', FORM_HTML, 'bench-floor-tab.js'),
  'bench-floor-tab.js': TAB_JS,
  [FLOOR_DB_PAGE]: page('floor: database', FORM_HTML, 'bench-floor-db.js'),
  'bench-floor-db.js': DB_JS,
  [FLOOR_OPTIONS_PAGE]: page(
    'floor: options',
    '<main data-testid="cards"></main><textarea data-testid="issue-markdown" readonly></textarea>',
    'bench-floor-options.js',
  ),
  'bench-floor-options.js': OPTIONS_JS,
};
