import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIZE_BUDGETS } from '../bench/budgets';
import { bundleText, measureBundles } from '../support/bundle-size';
import { REPO_ROOT } from './harness';

// The built dist/ (the e2e project runs after `vite build`). Sizes are deterministic, so their budgets
// (issue 8) are asserted here; timings are only reported, by `npm run bench`.
const dist = process.env.E2E_DIST_DIR ?? join(REPO_ROOT, 'dist');
const bundles = measureBundles(dist);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe('what each page loads (JS + CSS, gzip)', () => {
  it.each(['popup', 'options'] as const)('the %s stays within its budget', (name) => {
    const bundle = bundles[name];
    expect(bundle.files.length, `${name} loads no JS or CSS: is ${dist} a build?`).toBeGreaterThan(0);
    expect(
      bundle.gzipBytes,
      `${name} loads ${kib(bundle.gzipBytes)} gzip (${bundle.files.join(', ')}); budget ${kib(SIZE_BUDGETS[name])}`,
    ).toBeLessThanOrEqual(SIZE_BUDGETS[name]);
  });

  it('counts the styles written into the popup HTML', () => {
    expect(bundles.popup.inlineStyles).toBe(1);
  });

  it('the popup loads no Markdown renderer', () => {
    // markdown-it's linkify and its entity table are unmistakable; neither belongs in the popup.
    expect(bundleText(dist, bundles.popup)).not.toMatch(/linkify|ThickSpace/);
  });
});
