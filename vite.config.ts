import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { Features } from 'lightningcss';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { manifestFor, type TargetBrowser } from './scripts/browser-manifest';

const POPUP_TAG = '?popup-graph';
const PRELOAD_HELPER = '\0vite/preload-helper.js';
const POPUP_PRELOAD_HELPER = '\0weekly-clipper/popup-preload-helper.js';
const POPUP_ENTRY = /\/src\/popup\/main\.tsx$/;
/** The output chunks of the popup's own graph, by file name (popupOwnGraph.generateBundle). */
const popupChunks = new Set<string>();
/**
 * The modules the popup's entry imports statically, by id (popupOwnGraph.buildEnd), kept in one chunk
 * with the entry by the `popup` chunk group. Without it, Rolldown 1.2 moves a module that the entry and
 * two or more of its lazy chunks share into a chunk of its own, although the entry has always loaded
 * it first (rolldown/rolldown#10731): the popup then started with three files and 0.6 KB more gzip.
 */
const popupStartModules = new Set<string>();

/**
 * Gives the popup a module graph of its own: every module the popup imports (preact, idb, core,
 * storage) is resolved under an id tagged `?popup-graph`, so Rollup/Rolldown sees it as distinct from the
 * options page's copy. The popup then ships as one chunk tree-shaken for the popup alone, instead of
 * loading a chunk shared with the options page that holds every export either page uses (issue 8: the
 * popup's 12 KB budget). Stylesheets are left alone. The cost is that shared code is emitted twice, once
 * per page; no page ever loads both.
 */
function popupOwnGraph(): Plugin {
  return {
    name: 'weekly-clipper:popup-own-graph',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || source.endsWith('.css')) return null;
      const tagged = importer.endsWith(POPUP_TAG);
      // Vite wraps each dynamic import in a helper that first preloads the imported chunk's own imports
      // (3.4 KB minified, 1.3 KB gzip, with its CSP-nonce and error-event code). The popup's lazy chunks
      // are read from the extension's own files, where the browser's module loader fetches their imports
      // at once anyway; the popup gets a helper that just imports.
      const inPopup = tagged || POPUP_ENTRY.test(importer);
      if (source === PRELOAD_HELPER) return inPopup ? POPUP_PRELOAD_HELPER : null;
      if (!inPopup) return null;
      const from = tagged ? importer.slice(0, -POPUP_TAG.length) : importer;
      const resolved = await this.resolve(source, from, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.startsWith('\0') || resolved.id.includes('?')) {
        return resolved;
      }
      return { ...resolved, id: `${resolved.id}${POPUP_TAG}` };
    },
    load(id) {
      if (id === POPUP_PRELOAD_HELPER) return 'export const __vitePreload = (load) => load();';
      return id.endsWith(POPUP_TAG) ? readFileSync(id.slice(0, -POPUP_TAG.length), 'utf8') : null;
    },
    buildEnd() {
      // Every module the popup's entry imports statically, for the chunk group below.
      popupStartModules.clear();
      const pending = [...this.getModuleIds()].filter((id) => POPUP_ENTRY.test(id));
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        if (popupStartModules.has(id)) continue;
        popupStartModules.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    generateBundle(_options, bundle) {
      // Before Vite's own generateBundle, which asks preloadedWith about each chunk's dynamic imports.
      for (const chunk of Object.values(bundle)) {
        if (
          chunk.type === 'chunk' &&
          chunk.moduleIds.some((id) => id.endsWith(POPUP_TAG) || POPUP_ENTRY.test(id))
        ) {
          popupChunks.add(chunk.fileName);
        }
      }
    },
  };
}

/**
 * Writes the popup's stylesheet into its HTML. A stylesheet blocks the page's scripts until it has
 * loaded, so the popup's one small file held its start-up back by about 5 ms against a page without
 * one (40 runs each: 1.035× and 1.00× the floor page that reads the tab), which issue 8's floor budget
 * (≤ 1.02×) cannot spare. The file is removed once no page links it. Extension pages allow inline
 * styles (the default CSP restricts scripts only); tests/support/bundle-size.ts counts them.
 */
function popupInlineStyles(): Plugin {
  return {
    name: 'weekly-clipper:popup-inline-styles',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        if (!bundle || !/\/src\/popup\/index\.html$/.test(path)) return html;
        return html.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (tag, file: string) => {
            const asset = bundle[file];
            if (asset?.type !== 'asset') return tag;
            // The options page has stylesheets of its own; remove this one only if no other page imports it.
            const linkedElsewhere = Object.values(bundle).some(
              (other) =>
                other.type === 'chunk' &&
                !popupChunks.has(other.fileName) &&
                other.viteMetadata?.importedCss.has(file),
            );
            if (!linkedElsewhere) delete bundle[file];
            return `<style>${String(asset.source)}</style>`;
          },
        );
      },
    },
  };
}

/** Preact's one HTML sink: the `dangerouslySetInnerHTML` branch of its diff (`el.innerHTML = v.__html`). */
const PREACT_HTML_SINK = /\b([\w$]+)\.innerHTML=([\w$]+)\.__html\b/g;
const PREACT_MODULE = /\/node_modules\/preact\/dist\/preact\.mjs(?:\?|$)/;

/**
 * Takes the one `innerHTML` assignment out of the shipped code. Nothing here uses
 * `dangerouslySetInnerHTML` (Biome forbids it in src/: page titles and notes are untrusted), so preact's
 * branch for it can only ever be reached by a mistake; it now throws instead of writing HTML. This is
 * also what Firefox's linter (`web-ext lint`, UNSAFE_VAR_ASSIGNMENT) asks of an add-on. A preact whose
 * code no longer matches stops the build rather than ship the sink.
 */
function noPreactHtmlSink(): Plugin {
  return {
    name: 'weekly-clipper:no-preact-html-sink',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_MODULE.test(id)) return null;
      let found = 0;
      const replaced = code.replace(PREACT_HTML_SINK, () => {
        found += 1;
        return '(()=>{throw Error("no innerHTML")})()';
      });
      if (found !== 1) this.error(`expected preact's one innerHTML assignment in ${id}, found ${found}`);
      return { code: replaced, map: null };
    },
  };
}

/**
 * The files each dynamic import preloads. The popup's helper above only imports, so the list Vite would
 * write into each popup chunk (`__vite__mapDeps`, with every file name) would never be read: none.
 */
function preloadedWith(_file: string, deps: string[], { hostId }: { hostId: string }): string[] {
  return popupChunks.has(hostId) ? [] : deps;
}

/** `vite build` builds for Chrome into dist/; `vite build --mode firefox` for Firefox into dist-firefox/. */
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      popupOwnGraph(),
      noPreactHtmlSink(),
      preact(),
      crx({ manifest: manifestFor(browser, manifest), browser }),
      popupInlineStyles(),
    ],
    // Nothing here uses light-dark(); without this, lightningcss writes two custom properties for it into
    // every `color-scheme` rule (in the popup's budget: issue 8).
    css: { lightningcss: { exclude: Features.LightDark } },
    // isomorphic-git's SHA-1 (sha.js) reaches `eval` through to-buffer's dependencies, and LightningFS's
    // TextEncoder polyfill throws in a service worker: see the shims.
    resolve: {
      alias: {
        'to-buffer': fileURLToPath(new URL('./scripts/shims/to-buffer.cjs', import.meta.url)),
        'fast-text-encoding': fileURLToPath(
          new URL('./scripts/shims/fast-text-encoding.cjs', import.meta.url),
        ),
      },
    },
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      target: ['chrome116', 'firefox140'],
      // Keep file names readable in dist/ for reviewing what ships; sizes are measured by `npm run bench`.
      minify: true,
      sourcemap: false,
      emptyOutDir: true,
      // Every browser this targets (Chrome 116+, Firefox 140+) supports <link rel="modulepreload">; the
      // polyfill was one more file on the popup's start-up.
      modulePreload: { polyfill: false, resolveDependencies: preloadedWith },
      // A module the entry imports but never uses (one only its save path uses, say) joins the group
      // too: the popup's start-up graph is kept free of such imports (storage/setting-keys.ts).
      rolldownOptions: {
        output: {
          codeSplitting: { groups: [{ name: 'popup', test: (id: string) => popupStartModules.has(id) }] },
        },
      },
    },
    server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
  };
});
