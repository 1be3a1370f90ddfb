import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The checks that an extension's pages and manifest run only packaged code, shared by the source check
 * (tests/platform/no-inner-html.test.ts: src/ and manifest.json) and the shipped check
 * (tests/e2e/shipped-files.test.ts: dist/ as `vite build` just wrote it).
 */

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Inline scripts, remote scripts and event handler attributes in the HTML pages, as `path: what`. */
export function pageProblems(paths: readonly string[]): string[] {
  const problems: string[] = [];
  for (const path of paths) {
    const name = relative(REPO_ROOT, path);
    const html = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
      const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
      if (!src) problems.push(`${name}: inline ${tag}`);
      else if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) problems.push(`${name}: remote ${tag}`);
    }
    for (const [attribute] of html.matchAll(/<[^>]*\son[a-z]+\s*=/gi)) problems.push(`${name}: ${attribute}`);
  }
  return problems;
}

/** Where a manifest names scripts and pages that run with the extension's privileges. */
export function scriptPaths(manifest: Record<string, unknown>): string[] {
  const background = (manifest.background ?? {}) as {
    service_worker?: string;
    scripts?: string[];
    page?: string;
  };
  const contentScripts = (manifest.content_scripts ?? []) as { js?: string[] }[];
  const action = (manifest.action ?? {}) as { default_popup?: string };
  const options = (manifest.options_ui ?? {}) as { page?: string };
  const sandbox = (manifest.sandbox ?? {}) as { pages?: string[] };
  return [
    background.service_worker,
    background.page,
    ...(background.scripts ?? []),
    ...contentScripts.flatMap((script) => script.js ?? []),
    action.default_popup,
    options.page,
    typeof manifest.options_page === 'string' ? manifest.options_page : undefined,
    ...(sandbox.pages ?? []),
  ].filter((path): path is string => typeof path === 'string');
}

/** Registers the page and manifest checks for one extension tree (the sources, or a build). */
export function describeExtensionFiles(pagesDir: string, manifestPath: string): void {
  describe(`the HTML pages under ${relative(REPO_ROOT, pagesDir)}/`, () => {
    const pages = () => Array.from(filesUnder(pagesDir)).filter((path) => path.endsWith('.html'));

    it('exist (the popup and the options page at least)', () => {
      expect(pages().length).toBeGreaterThanOrEqual(2);
    });

    it('have no inline script, event handler attribute or remote script', () => {
      expect(pageProblems(pages())).toEqual([]);
    });
  });

  describe(relative(REPO_ROOT, manifestPath), () => {
    const manifest = () => JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;

    it('keeps the default content security policy', () => {
      // MV3's default (script-src 'self') forbids inline and remote scripts and eval; an override could undo it.
      expect(manifest()).not.toHaveProperty('content_security_policy');
      expect(manifest()).not.toHaveProperty('sandbox');
    });

    it('runs only scripts and pages packaged with the extension', () => {
      const paths = scriptPaths(manifest());
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((script) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(script))).toEqual([]);
    });

    it('lets no web page connect to or load from the extension', () => {
      expect(manifest()).not.toHaveProperty('externally_connectable');
      const resources = (manifest().web_accessible_resources ?? []) as { matches?: string[] }[];
      expect(resources.flatMap((resource) => resource.matches ?? [])).not.toContain('<all_urls>');
    });
  });
}
