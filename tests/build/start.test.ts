import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const START = join(import.meta.dirname, '../../scripts/start.mjs');

/** Runs `npm start`'s script with `args` on this machine as if it had no X11 or Wayland display. */
function startWithoutDisplay(args: string[]) {
  const { DISPLAY: _x11, WAYLAND_DISPLAY: _wayland, ...env } = process.env;
  return spawnSync(process.execPath, [START, ...args], { env, encoding: 'utf8', timeout: 30_000 });
}

describe.runIf(process.platform === 'linux')('npm start without a display', () => {
  it.each([
    { args: [], browser: 'Chromium' },
    { args: ['--firefox'], browser: 'Firefox' },
  ])('says so in one line before building, offers the demo, and fails ($browser)', ({ args, browser }) => {
    const result = startWithoutDisplay(args);
    expect(result.status).toBe(1);
    // Nothing on stdout: the build (which prints there) never started.
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${browser} needs a display`);
    expect(lines[0]).toContain('DISPLAY and WAYLAND_DISPLAY are unset');
    expect(lines[0]).toContain('npm run demo');
  });

  it('refuses an unknown option with the usage', () => {
    const result = startWithoutDisplay(['--chrome']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--chrome'");
    expect(result.stderr).toContain('Usage: npm start [-- --firefox]');
  });
});
