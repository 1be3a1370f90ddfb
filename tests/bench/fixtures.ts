/**
 * Backup files for `npm run bench` (docs/backup-format.md), made in memory and imported through the
 * options page as a person would. Titles and URLs look like real articles; the notes are our own text.
 */

import type { Clipping } from '../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import type { Issue } from '../../src/core/issue';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, serializeBackup } from '../../src/core/transfer/backup';

/** In every open issue's afterword: the options page is ready when its Markdown shows this. */
export const AFTERWORD_MARK = 'ベンチマーク用のあとがき';
/** Appears in the titles of one clipping in 200 of the library (50 of 10,000): the search query. */
export const SEARCH_WORD = 'WebTransport';
export const OPEN_ISSUE_ID = 'issue-open';

const TOPICS = [
  'Kubernetes',
  'Go',
  'Rust',
  'TypeScript',
  'React',
  'PostgreSQL',
  'Terraform',
  'AWS Lambda',
  'Cloud Run',
  'BigQuery',
  'GitHub Actions',
  'Docker',
  'Envoy',
  'gRPC',
  'OpenTelemetry',
  'Deno',
  'Vite',
  'Swift',
  'Kotlin',
  'Flutter',
  'Redis',
  'Prometheus',
  'Argo CD',
  'Istio',
];
const PATTERNS: ((topic: string) => string)[] = [
  (topic) => `${topic} のパフォーマンスを改善した話`,
  (topic) => `${topic} 入門 ハンズオンで学ぶ基本`,
  (topic) => `${topic} を本番環境に導入するまでの道のり`,
  (topic) => `${topic} の最新アップデートまとめ`,
  (topic) => `${topic} で始めるモニタリング`,
  (topic) => `社内で ${topic} を使うときの設計メモ`,
  (topic) => `${topic} のテスト戦略を見直した`,
  (topic) => `${topic} の新機能を試してみた`,
];
const HOSTS = ['zenn.dev', 'qiita.com', 'tech.example.co.jp', 'speakerdeck.com', 'blog.example.com'];
const PHRASES = [
  '導入前後で計測した数字が載っていて参考になります。',
  '設定ファイルの例がそのまま使えそうです。',
  'チームで議論したい論点がまとまっています。',
  '移行時の落とし穴が具体的に書かれています。',
  '小さく始めて段階的に広げる進め方が良いと思いました。',
  '公式ドキュメントより噛み砕いた説明です。',
  '来週の勉強会で紹介したいです。',
  '運用で困った点とその対処が丁寧です。',
];

export interface LibraryOptions {
  clippings: number;
  /** Issues; the last one is open, the others published. */
  issues: number;
  /** Clippings in the open issue (the rest are spread over the published ones). */
  open: number;
  /** Short titles, ids and numbers, no notes, compact JSON: 100,000 clippings make about 17.5 MiB. */
  compact?: boolean;
  /** URL and note of the open issue's first clipping: the page the popup is opened on as clipped. */
  clipped?: { url: string; note: string };
}

export interface Library {
  text: string;
  bytes: number;
  /** The open issue's last item (last category, highest order): its title is in the ready Markdown. */
  lastTitle: string;
}

const WEEK = 7 * 24 * 60 * 60 * 1000;
const FIRST_ISSUE = Date.UTC(2012, 0, 6);

function hex(index: number, salt: number): string {
  return (Math.imul(index + 1, 2654435761 + salt) >>> 0).toString(16).padStart(8, '0');
}

function issueAt(number: number, open: boolean, compact = false): Issue {
  const date = FIRST_ISSUE + (number - 1) * WEEK;
  return {
    id: open ? OPEN_ISSUE_ID : compact ? `i${number}` : `issue-${number}`,
    number,
    date: new Date(date).toISOString().slice(0, 10),
    headlineId: null,
    afterword: open ? AFTERWORD_MARK : '',
    status: open ? 'open' : 'published',
    createdAt: date - WEEK,
    updatedAt: date,
    publishedAt: open ? null : date,
  };
}

function clippingAt(index: number, issue: Issue, order: number, compact: boolean): Clipping {
  const slot = index % DEFAULT_CATEGORIES.length;
  const category = compact ? `k${slot}` : (DEFAULT_CATEGORIES[slot]?.id ?? 'notable-articles');
  const topic = TOPICS[index % TOPICS.length] ?? 'Go';
  const pattern = PATTERNS[Math.floor(index / TOPICS.length) % PATTERNS.length] ?? PATTERNS[0];
  // The index makes every title unique, so that a card can be found by its title.
  const title =
    index % 200 === 199
      ? `${SEARCH_WORD} で双方向通信を試す ${index}`
      : `${pattern?.(topic) ?? topic} ${index}`;
  const host = HOSTS[index % HOSTS.length];
  const note = [0, 1, 2]
    .slice(0, 1 + (index % 3))
    .map((n) => PHRASES[(index + n * 3) % PHRASES.length])
    .join('');
  // Compact: small timestamps (1970), so that 100,000 clippings make the issue's 17.5 MiB file.
  const createdAt = compact ? 1000 + index : issue.createdAt + (order % 1000) * 60_000;
  return {
    id: `c${index}`,
    url: compact ? `https://e.jp/${index}` : `https://${host}/articles/${hex(index, 0)}${hex(index, 7)}`,
    title: compact ? `t${index}` : title,
    note: compact ? '' : note,
    categoryId: category,
    issueId: issue.id,
    order,
    carryOver: false,
    clippedBy: '',
    createdAt,
    updatedAt: createdAt,
  };
}

/** A library of `clippings` clippings over `issues` issues, `open` of them in the open one. */
export function makeLibrary(options: LibraryOptions): Library {
  const compact = options.compact ?? false;
  const issues = Array.from({ length: options.issues }, (_, index) =>
    issueAt(index + 1, index === options.issues - 1, compact),
  );
  const open = issues.at(-1) as Issue;
  const published = issues.slice(0, -1);
  const clippings: Clipping[] = [];
  for (let index = 0; index < options.clippings; index += 1) {
    const inOpen = index < options.open;
    const issue = inOpen ? open : (published[index % published.length] as Issue);
    clippings.push(clippingAt(index, issue, index, compact));
  }
  const first = clippings[0];
  if (first && options.clipped) Object.assign(first, options.clipped);
  const last = clippings[options.open - 1];
  const lastTitle = `ベンチ最後の記事 ${options.clippings}`;
  const lastCategory = compact ? `k${DEFAULT_CATEGORIES.length - 1}` : 'books';
  if (last) Object.assign(last, { title: lastTitle, categoryId: lastCategory, order: 10_000_000 });
  const data = {
    clippings,
    issues,
    categories: DEFAULT_CATEGORIES.map((category, slot) => ({
      ...category,
      id: compact ? `k${slot}` : category.id,
    })),
    settings: { ...DEFAULT_SETTINGS, name: 'Neco Weekly' },
  };
  const backup = createBackup(data, Date.UTC(2026, 0, 1));
  const text = compact ? JSON.stringify(backup) : serializeBackup(backup);
  return { text, bytes: Buffer.byteLength(text), lastTitle };
}

/**
 * `count` more clippings for the open issue, as a second backup merged into the first library: the open
 * issue and the categories come again, unchanged, so the merge keeps this install's versions.
 */
export function moreOpenItems(count: number, first: number): Library {
  const open = issueAt(1, true);
  const clippings = Array.from({ length: count }, (_, n) =>
    clippingAt(first + n, open, 20_000_000 + first + n, false),
  );
  const lastTitle = `ベンチ最後の記事 ${first + count}`;
  const last = clippings.at(-1);
  if (last) Object.assign(last, { title: lastTitle, categoryId: 'books', order: 30_000_000 });
  const data = {
    clippings,
    issues: [{ ...open, updatedAt: 0, createdAt: 0 }],
    categories: DEFAULT_CATEGORIES.map((category) => ({ ...category })),
    settings: { ...DEFAULT_SETTINGS, name: 'Neco Weekly' },
  };
  const text = serializeBackup(createBackup(data, Date.UTC(2026, 0, 1)));
  return { text, bytes: Buffer.byteLength(text), lastTitle };
}
