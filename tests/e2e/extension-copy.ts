import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extensionIdFromKey, generateExtensionKey } from './extension-key';

/** A blank page added to the test copy only: an extension-origin document to call chrome.* from. */
export const CONTROL_PAGE = 'e2e-control.html';

/** The host the article server listens on, as a host permission. */
const SERVER_HOST_PERMISSION = 'http://127.0.0.1/*';

interface ManifestSubset {
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  permissions?: string[];
  host_permissions?: string[];
  key?: string;
  [field: string]: unknown;
}

export interface ExtensionCopy {
  extensionId: string;
  /** The manifest's action.default_popup, without a leading slash. */
  popupPath: string;
  /** The manifest's options_ui.page, without a leading slash. */
  optionsPath: string;
}

/**
 * Copies a built extension to `targetDir` and patches the copy's manifest for testing. `tabs` and the
 * article server's host stand in for the activeTab grant that a real toolbar click gives, so the popup
 * opened in a tab with ?tabId=N can read tab N's URL and title; the shipped manifest keeps activeTab only.
 * `extraFiles` (path → text) are added to the copy only. A `key` pins the extension id (https://developer.chrome.com/docs/extensions/reference/manifest/key).
 */
export async function prepareExtensionCopy(
  distDir: string,
  targetDir: string,
  extraFiles: Readonly<Record<string, string>> = {},
): Promise<ExtensionCopy> {
  const manifestPath = join(distDir, 'manifest.json');
  if (!(await exists(manifestPath))) {
    throw new Error(
      `${manifestPath} not found: build the extension first (\`npm run build\`), or run \`npm run test:e2e\`, which builds.`,
    );
  }
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ManifestSubset;
  const popupPath = manifest.action?.default_popup;
  const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
  if (!popupPath) throw new Error(`${manifestPath} has no action.default_popup`);
  if (!optionsPath) throw new Error(`${manifestPath} has no options_ui.page`);

  await cp(distDir, targetDir, { recursive: true });
  const key = generateExtensionKey();
  const patched: ManifestSubset = {
    ...manifest,
    key: key.manifestKey,
    permissions: unique([...(manifest.permissions ?? []), 'tabs']),
    host_permissions: unique([...(manifest.host_permissions ?? []), SERVER_HOST_PERMISSION]),
  };
  await writeFile(join(targetDir, 'manifest.json'), JSON.stringify(patched, null, 2));
  await writeFile(
    join(targetDir, CONTROL_PAGE),
    '<!doctype html><meta charset="utf-8"><title>e2e control</title>',
  );
  // Pages only a test or the bench needs (the bench's blank and floor pages), written beside the build.
  for (const [path, text] of Object.entries(extraFiles)) {
    await writeFile(join(targetDir, stripSlash(path)), text);
  }
  return {
    extensionId: extensionIdFromKey(key.der),
    popupPath: stripSlash(popupPath),
    optionsPath: stripSlash(optionsPath),
  };
}

export function stripSlash(path: string): string {
  return path.replace(/^\/+/, '');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
