import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
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
