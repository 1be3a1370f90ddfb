// `npm start -- --firefox`: the built dist-firefox/ run in Firefox by web-ext, as a temporary add-on in a
// fresh profile (https://extensionworkshop.com/documentation/develop/web-ext-command-reference/#web-ext-run).
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian ships the ESR as `firefox-esr`, the one the e2e tests use; anything else calls it `firefox`. */
const NAMES = ['firefox-esr', 'firefox'];

/** The first executable called `name` on $PATH, or undefined. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next directory.
    }
  }
  return undefined;
}

/**
 * The Firefox to run: $FIREFOX_PATH, else firefox-esr or firefox on $PATH. Elsewhere than Linux, where
 * Firefox is seldom on PATH, undefined lets web-ext find the installed one. Throws with what to do.
 *
 * @returns {string | undefined}
 */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const name of NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  if (process.platform !== 'linux') return undefined;
  throw new Error(
    `No Firefox found (looked for ${NAMES.join(', ')} on PATH). Install one (apt-get install firefox-esr), or set FIREFOX_PATH to its executable.`,
  );
}

/**
 * Runs Firefox with the add-on in `sourceDir`; the process exits when Firefox does. No auto-reload:
 * nothing rebuilds dist-firefox/ while it runs.
 *
 * @param {{ executable: string | undefined, sourceDir: string }} options
 */
export async function runFirefox({ executable, sourceDir }) {
  console.log(`Starting ${executable ?? 'Firefox'} with the add-on from ${sourceDir} (web-ext run)`);
  console.log(
    'The add-on is installed temporarily, in a fresh profile; pin 週刊クリッパー from the puzzle-piece menu, open any page and click its icon.',
  );
  // Loaded here, not at the top: start.mjs imports this module for Chromium too.
  const { default: webExt } = await import('web-ext');
  const runner = await webExt.cmd.run(
    {
      sourceDir,
      ...(executable ? { firefox: executable } : {}),
      noReload: true,
      noInput: true,
      startUrl: 'about:debugging#/runtime/this-firefox',
    },
    { shouldExitProgram: false },
  );
  runner.registerCleanup(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void runner.exit());
  }
}
