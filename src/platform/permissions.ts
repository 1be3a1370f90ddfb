import { TEAM_DATA_COLLECTION } from '../../scripts/browser-manifest';

/**
 * What the team sync sends, for Firefox's data-collection consent (declared `optional` in the
 * manifest, scripts/browser-manifest.ts): the clippings (website content: titles, URLs, notes) and the
 * access token (authentication information), both only to the team's own repository.
 */
export { TEAM_DATA_COLLECTION };

interface PermissionsApi {
  request(permissions: { origins: string[]; data_collection?: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

interface ExtensionScope {
  permissions: PermissionsApi;
  runtime: { getManifest(): object };
}

/**
 * The browser's own API (`browser` in Firefox, `chrome` in Chrome; both return promises in Manifest
 * V3), looked up when called: a request must be made in the click's own task, which an import of the
 * polyfill first would not be, and importing this module stays harmless where there is no extension.
 */
function extensionApi(): ExtensionScope {
  const scope = globalThis as { browser?: ExtensionScope; chrome?: ExtensionScope };
  const found = scope.browser ?? scope.chrome;
  if (!found?.permissions) throw new Error('No extension permissions API here.');
  return found;
}

/**
 * Asks for the host permission of one origin (`https://github.com/*`), and on Firefox the consent to
 * send the clippings there (only Firefox's manifest has browser_specific_settings). Must be called in
 * the click's own task: browsers grant it only to a user gesture. True when granted or already held.
 */
export function requestTeamAccess(originPattern: string): Promise<boolean> {
  try {
    const api = extensionApi();
    const firefox = 'browser_specific_settings' in api.runtime.getManifest();
    return api.permissions.request(
      firefox
        ? { origins: [originPattern], data_collection: [...TEAM_DATA_COLLECTION] }
        : { origins: [originPattern] },
    );
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Whether the host permission of the origin is held (it may have been removed in the browser's UI). */
export async function hasTeamAccess(originPattern: string): Promise<boolean> {
  return extensionApi().permissions.contains({ origins: [originPattern] });
}
