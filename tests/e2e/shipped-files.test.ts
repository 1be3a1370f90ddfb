import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeExtensionFiles, REPO_ROOT } from '../support/extension-files';

/**
 * The extension as shipped: the pages and manifest `vite build` wrote. This runs in the e2e project,
 * which `npm test` and `npm run test:e2e` start right after a fresh build, so it never checks a stale
 * dist/ or, on a clean clone, nothing at all.
 */
const DIST = process.env.E2E_DIST_DIR ?? join(REPO_ROOT, 'dist');

it('has a build to check', () => {
  expect(existsSync(join(DIST, 'manifest.json')), `no ${DIST}/manifest.json: run \`npx vite build\``).toBe(
    true,
  );
});

if (existsSync(join(DIST, 'manifest.json'))) describeExtensionFiles(DIST, join(DIST, 'manifest.json'));

/** Every script file of a build, for what none of them may contain. */
function scriptsOf(dist: string): string[] {
  const assets = join(dist, 'assets');
  return existsSync(assets) ? readdirSync(assets).filter((name) => name.endsWith('.js')) : [];
}

describe.runIf(existsSync(join(DIST, 'manifest.json')))('the shipped scripts', () => {
  it('write no HTML: no innerHTML or outerHTML assignment, insertAdjacentHTML or document.write', () => {
    // Preact's one such assignment (dangerouslySetInnerHTML) is taken out at build time: vite.config.ts.
    const sinks = /\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write(?:ln)?\(/;
    const scripts = scriptsOf(DIST);
    expect(scripts.length).toBeGreaterThan(0);
    const offending = scripts.filter((name) => sinks.test(readFileSync(join(DIST, 'assets', name), 'utf8')));
    expect(offending).toEqual([]);
  });
});
