// `npm start`: builds the extension into dist/ and opens it in Chromium (or Chrome) with a fresh profile.
// `npm start -- --firefox`: builds dist-firefox/ and runs it in Firefox with web-ext.
// What the machine lacks (a display) is said before building, in one line (start-preflight.mjs).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findChromium, runChromium } from './start-chromium.mjs';
import { findFirefox, runFirefox } from './start-firefox.mjs';
import { preflight } from './start-preflight.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let firefox;
try {
  ({
    values: { firefox = false },
  } = parseArgs({ options: { firefox: { type: 'boolean' } } }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}. Usage: npm start [-- --firefox]`);
  process.exit(2);
}

const { problem, warnings, chromiumArgs } = preflight({
  browser: firefox ? 'Firefox' : 'Chromium',
  platform: process.platform,
  env: process.env,
  uid: process.getuid?.(),
});
if (problem) {
  console.error(problem);
  process.exit(1);
}

let executable;
try {
  executable = firefox ? findFirefox() : findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
for (const warning of warnings) console.warn(warning);

const dist = join(root, firefox ? 'dist-firefox' : 'dist');
// Imported only now: a machine that cannot run the browser is told so without waiting for Vite to load.
const { build } = await import('vite');
await build({ root, configFile: join(root, 'vite.config.ts'), ...(firefox ? { mode: 'firefox' } : {}) });
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error(`The build did not write ${join(dist, 'manifest.json')}.`);
  process.exit(1);
}

if (firefox) {
  try {
    await runFirefox({ executable, sourceDir: dist });
  } catch (error) {
    console.error(`Could not run Firefox: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
} else {
  runChromium({ executable, dist, extraArgs: chromiumArgs });
}
