import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ArticleServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** The page's title: the `title` query parameter, else one made from the last path segment. */
export function articleTitle(url: URL): string {
  const fromQuery = url.searchParams.get('title');
  if (fromQuery !== null) return fromQuery;
  const segment = url.pathname.split('/').filter(Boolean).at(-1) ?? 'index';
  let slug = segment;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    // A malformed escape stays as written.
  }
  return `Article ${slug}`;
}

/**
 * What the page's head says of it besides its title, from the query: `canonical` (a
 * `<link rel=canonical>`), `ogTitle`, `siteName` (`og:title`, `og:site_name`) and `lang` (`<html lang>`,
 * `ja` when absent).
 */
function articleHead(url: URL): string {
  const param = (name: string) => {
    const value = url.searchParams.get(name);
    return value === null ? undefined : escapeHtml(value);
  };
  const canonical = param('canonical');
  const ogTitle = param('ogTitle');
  const siteName = param('siteName');
  return [
    canonical && `<link rel="canonical" href="${canonical}">`,
    ogTitle && `<meta property="og:title" content="${ogTitle}">`,
    siteName && `<meta property="og:site_name" content="${siteName}">`,
  ]
    .filter(Boolean)
    .join('');
}

function articlePage(url: URL): string {
  const title = escapeHtml(articleTitle(url));
  return `<!doctype html>
<html lang="${escapeHtml(url.searchParams.get('lang') ?? 'ja')}">
<head><meta charset="utf-8"><title>${title}</title>${articleHead(url)}</head>
<body><article><h1>${title}</h1><p>テスト用の記事です。</p>
<p id="two-lines">一行目の文。<br>二行目の文。</p>
<p><a id="link" href="/article/linked-article?title=%E3%83%AA%E3%83%B3%E3%82%AF%E5%85%88">リンクした記事</a></p>
</article></body>
</html>
`;
}

/**
 * Serves the HTML `page` makes of each request's URL on 127.0.0.1, at a port the system picks; a URL it
 * makes nothing of is a 404. The demo (scripts/demo-articles.ts) serves its own pages with it.
 */
export async function startPageServer(page: (url: URL) => string | undefined): Promise<ArticleServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const html = page(url);
    if (html === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves an HTML article for any path and any query (tracking parameters included) on 127.0.0.1 at a
 * port the system picks.
 */
export function startArticleServer(): Promise<ArticleServer> {
  return startPageServer(articlePage);
}
