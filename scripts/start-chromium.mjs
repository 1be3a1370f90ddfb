// `npm start` in Chromium (or Chrome): the built dist/ loaded into a fresh profile.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Chromium builds come first: branded Google Chrome 137 and later ignore --load-extension
// (https://groups.google.com/a/chromium.org/g/chromium-extensions/c/1-g8EFx2BBY), so with Chrome the
// extension may have to be loaded by hand from chrome://extensions.
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser to start: $CHROME_PATH, else the first of CANDIDATES that exists. Throws with what to do. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium or Chrome found (looked in ${CANDIDATES.join(', ')}). Install one, or set CHROME_PATH to its executable.`,
    );
  }
  return found;
}

/**
 * Starts `executable` with the extension in `dist` and a fresh profile, removed when it exits; the
 * process exits with the browser.
 *
 * @param {{ executable: string, dist: string, extraArgs: string[] }} options
 */
export function runChromium({ executable, dist, extraArgs }) {
  const profile = mkdtempSync(join(tmpdir(), 'weekly-clipper-profile-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Lets Chrome 137-138 still honour --load-extension; Chromium ignores it.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    ...extraArgs,
    'chrome://extensions/',
  ];

  console.log(`Starting ${executable} with the extension from ${dist}`);
  console.log(`Profile (removed on exit): ${profile}`);
  if (/google.chrome/i.test(executable)) {
    console.log(
      'With Google Chrome, if the extension is missing: Developer mode → Load unpacked → choose dist/.',
    );
  }
  console.log('Pin 週刊クリッパー from the puzzle-piece menu, open any page and click its icon to clip it.');

  const browser = spawn(executable, args, { stdio: 'inherit' });
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => browser.kill(signal));
  }
  browser.on('error', (error) => {
    console.error(`Could not start ${executable}: ${error.message}`);
    removeProfile();
    process.exit(1);
  });
  browser.on('exit', (code, signal) => {
    removeProfile();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
