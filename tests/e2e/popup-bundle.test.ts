import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/extension-files';

/**
 * What the built popup loads (issue 8): one script at start-up, its styles written into its HTML, none of the
 * code that only the options page, the upgrade path or a save needs; those come in chunks it imports
 * later. Sizes are printed by `npm run bench`; this checks the shape, which is what keeps them small. Runs in the e2e project, right after a fresh build.
 */
const DIST = process.env.E2E_DIST_DIR ?? join(REPO_ROOT, 'dist');

/** Each file the page loads before it runs: its <script>/<link> files and their static imports. */
function filesLoadedBy(htmlPath: string): string[] {
  const html = readFileSync(join(DIST, htmlPath), 'utf8');
  const resolve = (from: string, ref: string) =>
    posix.normalize(ref.startsWith('/') ? ref : posix.join(posix.dirname(`/${from}`), ref)).slice(1);
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    resolve(htmlPath, m[1] ?? ''),
  );
  const seen = new Set<string>();
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
      queue.push(resolve(file, m[1] ?? ''));
  }
  return [...seen];
}

// Strings that only each library's or module's code contains.
const MUST_NOT_LOAD: Record<string, RegExp> = {
  'webextension-polyfill': /only be loaded in a browser extension/,
  '@preact/signals': /Cycle detected/,
  idb: /continuePrimaryKey/,
  'the migrations': /createObjectStore/,
  'the Markdown renderer': /linkify|ThickSpace/,
  "Vite's preload helper": /csp-nonce/,
};

describe.runIf(existsSync(join(DIST, 'manifest.json')))('the built popup', () => {
  const manifest = existsSync(join(DIST, 'manifest.json'))
    ? (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { action: { default_popup: string } })
    : undefined;
  const files = manifest ? filesLoadedBy(manifest.action.default_popup) : [];

  it('loads one script, with its styles in its HTML: a linked stylesheet would hold the script back', () => {
    expect(files.filter((file) => file.endsWith('.js'))).toHaveLength(1);
    expect(files.filter((file) => file.endsWith('.css'))).toEqual([]);
    const html = manifest ? readFileSync(join(DIST, manifest.action.default_popup), 'utf8') : '';
    expect(html).toMatch(/<style>[^<]*\.popup\{/);
  });

  it.each(Object.entries(MUST_NOT_LOAD))('does not load %s at start-up', (_name, signature) => {
    const code = files.map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n');
    expect(code).not.toMatch(signature);
  });

  /** The chunks the start-up files import dynamically (the save path, the upgrade path, the rare panels). */
  const lazy = files
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) => [...readFileSync(join(DIST, file), 'utf8').matchAll(/import\(`\.\/([^`]+\.js)`\)/g)])
    .map((m) => join(dirname(join(DIST, files[0] ?? '')), m[1] ?? ''));
  const lazyCode = (pattern: RegExp) =>
    [...new Set(lazy)].filter((file) => pattern.test(readFileSync(file, 'utf8')));

  it('keeps the upgrade path (migrations and idb) in a chunk it imports only when needed', () => {
    expect(lazyCode(MUST_NOT_LOAD['the migrations'] as RegExp)).toHaveLength(1);
  });

  it('keeps the save path (the commits and their refusals) in a chunk it imports when first needed', () => {
    expect(lazyCode(/AlreadyClippedError/)).toHaveLength(1);
    const code = files.map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n');
    expect(code).not.toMatch(/AlreadyClippedError/);
  });
});
