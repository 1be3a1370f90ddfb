/**
 * The extension's manifest for each browser, from the one source (manifest.json). Every difference
 * between the Chrome and Firefox builds is here; vite.config.ts builds `dist/` for Chrome and, with
 * `--mode firefox` (`npm run build:firefox`), `dist-firefox/` for Firefox.
 */

export type TargetBrowser = 'chrome' | 'firefox';

/** What the team sync sends, asked for on Firefox when a member connects (src/platform/permissions.ts). */
export const TEAM_DATA_COLLECTION = ['websiteContent', 'authenticationInfo'] as const;

/** The manifest.json fields this changes; everything else is passed through as written. */
export interface SourceManifest {
  minimum_chrome_version?: string;
  background?: { service_worker?: string; type?: string; scripts?: string[] };
  permissions?: string[];
  [key: string]: unknown;
}

/** Permissions only Chrome has: `favicon` serves the icons Chrome holds at `/_favicon/`. */
export const CHROME_ONLY_PERMISSIONS: readonly string[] = ['favicon'];

/**
 * The add-on's id on Firefox: fixed, so that storage (IndexedDB belongs to the id's origin) survives an
 * update and a reinstall from the same listing. A UUID in braces, as addons.mozilla.org accepts.
 */
export const GECKO_ID = '{c5646b6b-a856-41c7-9f49-cc5419328b31}';

/**
 * Firefox 140 is the first to read `data_collection_permissions` (required of new listings since
 * 2025-11), and an ESR; Debian's firefox-esr is 153 at the time of writing.
 */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

export function manifestFor<M extends SourceManifest>(browser: TargetBrowser, source: M): M {
  if (browser === 'chrome') return source;
  const { minimum_chrome_version: _chromeOnly, background, permissions, ...rest } = source;
  const firefox: SourceManifest = {
    ...rest,
    ...(permissions && {
      permissions: permissions.filter((permission) => !CHROME_ONLY_PERMISSIONS.includes(permission)),
    }),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // Nothing is sent unless the member connects a team repository; then the clippings and the
        // token go to that repository alone, with the consent asked for at「接続」(platform/permissions.ts).
        data_collection_permissions: { required: ['none'], optional: [...TEAM_DATA_COLLECTION] },
      },
      // Firefox for Android reads data_collection_permissions from 142.
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
  // Firefox's Manifest V3 has no service workers: a background script runs as an event page.
  if (background?.service_worker) {
    firefox.background = {
      scripts: [background.service_worker],
      ...(background.type ? { type: background.type } : {}),
    };
  }
  return firefox as M;
}
