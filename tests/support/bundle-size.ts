/**
 * What each extension page loads from a built dist/: the JS and CSS its HTML references, following static
 * imports, and the styles written into the HTML itself, with raw and gzip sizes. Used by the size budget test (tests/e2e/bundle-size.test.ts) and by
 * `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageBundle {
  /** The page's HTML path in dist/. */
  page: string;
  /** Every JS and CSS file it loads, in dist/. */
  files: string[];
  /** How many `<style>` elements its HTML holds (counted in the sizes). */
  inlineStyles: number;
  rawBytes: number;
  /** The sum of each file gzipped on its own, at zlib's default level. */
  gzipBytes: number;
}

/** A reference from `fromFile` resolved to a path inside dist/ (absolute references start at its root). */
function resolveRef(fromFile: string, ref: string): string {
  const path = ref.startsWith('/') ? ref : posix.join(posix.dirname(`/${fromFile}`), ref);
  return posix.normalize(path).slice(1);
}

function filesOf(dist: string, htmlPath: string): string[] {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) =>
    resolveRef(htmlPath, match[1] ?? ''),
  );
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`import"./x.js"`, `from "./x.js"`); a dynamic import() loads later, on demand.
    for (const match of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      queue.push(resolveRef(file, match[1] ?? ''));
    }
  }
  return [...seen];
}

/** The `<style>` elements written into a page's HTML (the popup's stylesheet is: vite.config.ts). */
function inlineStyles(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
}

export function measurePage(dist: string, htmlPath: string): PageBundle {
  const page = htmlPath.replace(/^\/+/, '');
  const files = filesOf(dist, page);
  let rawBytes = 0;
  let gzipBytes = 0;
  const add = (bytes: Buffer) => {
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  };
  for (const file of files) add(readFileSync(join(dist, file)));
  const styles = inlineStyles(dist, page);
  for (const style of styles) add(Buffer.from(style));
  return { page, files, inlineStyles: styles.length, rawBytes, gzipBytes };
}

/** The popup and the options page of the built extension in `dist`, by its manifest. */
export function measureBundles(dist: string): { popup: PageBundle; options: PageBundle } {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
    options_ui: { page: string };
  };
  return {
    popup: measurePage(dist, manifest.action.default_popup),
    options: measurePage(dist, manifest.options_ui.page),
  };
}

/** The text of the files a page loads, to check what it must not contain. */
export function bundleText(dist: string, bundle: PageBundle): string {
  return bundle.files.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
}
