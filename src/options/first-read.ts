import { parseArchiveHash } from '../core/archive-hash';
import { openClipperDB } from '../storage/db';
import { createRepositories } from '../storage/repositories';
import { readShown } from './shown-read';

/**
 * The database opened and the open issue read as the very first thing the page does: main.tsx imports
 * this module before any other, so these requests are on their way while the rest of the page's code
 * (preact, markdown-it, the views) is evaluated, instead of after it (issue 8).
 */
// A newer version upgrading the database closes this connection; reloading picks up the new schema.
export const repositories = openClipperDB({ onVersionChange: () => location.reload() }).then(
  createRepositories,
);

/**
 * Read ahead unless the page opens on a view that lists every clipping (an archive address, as
 * issue-actions.ts openFromHash reads it): that load reads all.
 */
export const firstRead = parseArchiveHash(location.hash)
  ? undefined
  : repositories.then((repos) => readShown(repos, false));
// Its failure is reported by the load that takes it; never as an unhandled rejection before that.
firstRead?.catch(() => undefined);
