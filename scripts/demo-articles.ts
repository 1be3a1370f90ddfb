/**
 * The sample week of `npm run demo`: four article pages served from 127.0.0.1, each with the note and
 * category a team member would give it. The titles are those of articles the Neco Weekly team shared
 * in 2022 (shared/reference/); the pages and notes are made up for the demo.
 */
import { escapeHtml, startPageServer } from '../tests/e2e/article-server';

/** Category labels of a fresh install (tests/e2e/README.md). */
export const NOTABLE = '👀 Notable Articles';
export const RELEASE_NOTES = '✨ Release Notes';
export const EVENTS = '🤝 Events';

export interface DemoArticle {
  /** Where the page is served, with the query it is opened with. */
  path: string;
  title: string;
  /** The page's text, one paragraph. */
  body: string;
  note: string;
  category: string;
}

export const DEMO_WEEK = {
  name: 'Neco Weekly',
  number: 8,
  date: '2022-09-16',
  afterword: '今週はサービスメッシュの話題で盛り上がりました。来週も気になる記事を持ち寄りましょう。',
};

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    // Opened as a shared link would be: the tracking parameters are not saved.
    path: '/blog/introducing-ambient-mesh/?utm_source=twitter&utm_medium=social',
    title: 'Introducing Ambient Mesh',
    body: 'A demo page standing in for the Istio blog post.',
    note: 'Istio にサイドカーなしで動くデータプレーンのモードが加わりました。\nまずは L4 だけを任せて、必要なサービスにだけ L7 の処理を足せるのが良さそうです。',
    category: NOTABLE,
  },
  {
    path: '/blog/k8s-under-documented-security-tips/',
    title: 'Under-documented Kubernetes Security Tips',
    body: 'A demo page standing in for a blog post on Kubernetes security.',
    note: 'ドキュメントでは見つけにくい Kubernetes のセキュリティの落とし穴を集めた記事です。\n自分たちのクラスタにも当てはまるものがないか、次の定例で一つずつ確かめます。',
    category: NOTABLE,
  },
  {
    path: '/kubernetes-sigs/controller-runtime/releases/tag/v0.13.0',
    title: 'controller-runtime v0.13.0',
    body: 'A demo page standing in for the release notes.',
    note: 'Kubernetes 1.25 の API に追従したリリースです。\n`client.Reader` の `Get` にオプションを渡せるようになったので、手元のコントローラーでも試してみます。',
    category: RELEASE_NOTES,
  },
  {
    path: '/docs/technical-writing',
    title: '技術文書の書き方',
    body: 'チーム内の勉強会で使った資料の代わりのページです。',
    note: '新しく入ったメンバー向けに、技術文書の書き方の勉強会を開きました。\n- 誰が読むのかを先に決める\n- 結論から書く\n\nこの二つがいちばん反響がありました。',
    category: EVENTS,
  },
];

export interface DemoArticleServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

function articlePage(article: DemoArticle): string {
  const title = escapeHtml(article.title);
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1><p>${escapeHtml(article.body)}</p></article></body>
</html>
`;
}

/** Serves DEMO_ARTICLES by path (any query) on 127.0.0.1, at a port the system picks; 404 otherwise. */
export function startDemoArticleServer(): Promise<DemoArticleServer> {
  const byPath = new Map(
    DEMO_ARTICLES.map((article) => [new URL(article.path, 'http://x').pathname, article]),
  );
  return startPageServer((url) => {
    const article = byPath.get(url.pathname);
    return article && articlePage(article);
  });
}
