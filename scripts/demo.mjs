// `npm run demo`: builds dist/, then makes a sample week's issue with it in headless Chromium
// (scripts/demo-week.ts), prints the Markdown to stdout and saves screenshots of the popup and
// the options page in demo-output/. Progress goes to stderr, so `npm run -s demo > issue.md` keeps the
// Markdown alone. Needs no display, and runs as root.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

console.error('Building dist/…');
await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

// Node 20 cannot run TypeScript, and the demo reuses the e2e harness (tests/e2e/*.ts). Vite's module
// runner, the one that loads vite.config.ts, runs it without another tool
// (https://vite.dev/guide/api-javascript#runnerimport).
const { module: demo } = await runnerImport(join(root, 'scripts/demo-week.ts'), {
  root,
  configFile: false,
  logLevel: 'warn',
});

let result;
try {
  result = await demo.runDemo({
    distDir: join(root, 'dist'),
    outputDir: join(root, 'demo-output'),
    log: (line) => console.error(line),
  });
} catch (error) {
  console.error(`The demo failed: ${error instanceof Error ? error.message : error}`);
  console.error(
    'It needs Chromium at /usr/bin/chromium (CHROME_PATH to use another) with chromium-l10n and a Japanese font (fonts-noto-cjk).',
  );
  process.exit(1);
}

for (const pageError of result.pageErrors) console.error(`Error in the extension's pages: ${pageError}`);
console.error('\nThe issue, as the options page generated it:\n');
process.stdout.write(result.markdown);
const shown = (path) => relative(process.cwd(), path) || path;
console.error(
  `\nDone in ${seconds()} s. Screenshots: ${shown(result.files.popup)} (the popup), ${shown(result.files.options)} (the options page); the Markdown is also in ${shown(result.files.markdown)}.`,
);
