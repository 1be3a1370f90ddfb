// What `npm start` checks before it builds, so that a machine that cannot show a browser window is told
// so in one line instead of getting the browser's own error after the build.

/** @typedef {'Chromium' | 'Firefox'} StartBrowser */

/**
 * @typedef {object} Preflight
 * @property {string | undefined} problem  why the browser cannot start here and what to do instead
 * @property {string[]} warnings           printed before starting
 * @property {string[]} chromiumArgs       extra flags for Chromium
 */

/**
 * Pure: the platform, environment and user id are passed in (`process.platform`, `process.env`,
 * `process.getuid?.()`).
 *
 * @param {{ browser: StartBrowser, platform: string, env: Record<string, string | undefined>, uid: number | undefined }} machine
 * @returns {Preflight}
 */
export function preflight({ browser, platform, env, uid }) {
  const linux = platform === 'linux';
  // On Linux both browsers need an X11 or Wayland server to open a window; without one Chromium fails
  // with "Missing X server or $DISPLAY" and Firefox with "no DISPLAY environment variable specified".
  if (linux && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      problem:
        `npm start: ${browser} needs a display and this machine has none (DISPLAY and WAYLAND_DISPLAY are unset); ` +
        'run it from a desktop session or under xvfb-run, or run `npm run demo` to see the extension work in headless Chromium.',
      warnings: [],
      chromiumArgs: [],
    };
  }
  // Chromium refuses to start as root with its sandbox on ("Running as root without --no-sandbox is not
  // supported"). Firefox runs as root as it is.
  if (linux && uid === 0 && browser === 'Chromium') {
    return {
      problem: undefined,
      warnings: [
        'npm start: running as root, so Chromium starts with --no-sandbox (its sandbox refuses root); run as a normal user to keep the sandbox.',
      ],
      chromiumArgs: ['--no-sandbox'],
    };
  }
  return { problem: undefined, warnings: [], chromiumArgs: [] };
}
