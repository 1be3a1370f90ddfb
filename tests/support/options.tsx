import { render, waitFor } from '@testing-library/preact';
import type { Clipping } from '../../src/core/clipping';
import type { Issue } from '../../src/core/issue';
import type { NewsletterSettings } from '../../src/core/settings';
import { App } from '../../src/options/App';
import { createOptionsState, OptionsContext, type OptionsServices } from '../../src/options/state';
import type { Repositories } from '../../src/storage/repositories';
import { freshRepositories } from './database';
import { createTranslator } from './i18n';

export interface OptionsSetup {
  clippings?: Clipping[];
  issues?: Issue[];
  settings?: NewsletterSettings;
  repos?: Repositories;
  clipboard?: OptionsServices['clipboard'];
  /** Answers to confirmation questions, in order; questions asked are recorded in `confirmations`. */
  confirmAnswers?: boolean[];
  /**
   * The first-run setup (SetupView): `done` (the default) marks it answered before the page opens, so
   * that a page over an empty database opens on the issue editor as it did before the setup existed;
   * `pending` leaves the database as a fresh install has it.
   */
  setup?: 'done' | 'pending';
}

/** Renders the options page over a fresh database holding the given records, and waits for it to load. */
export async function renderOptions(setup: OptionsSetup = {}) {
  const repositories = setup.repos ?? (await freshRepositories());
  // Written as a restore would: the repositories refuse to put items into an already published issue.
  await repositories.bulk.writeRecords({ issues: setup.issues ?? [], clippings: setup.clippings ?? [] });
  if (setup.settings) await repositories.settings.saveNewsletter(setup.settings);
  if ((setup.setup ?? 'done') === 'done') await repositories.settings.markSetupDone('skipped');
  let clock = 1_800_000_000_000;
  let ids = 0;
  const copied: { text: string; html?: string }[] = [];
  const downloads: { filename: string; content: string }[] = [];
  const confirmations: string[] = [];
  const state = createOptionsState({
    repositories: Promise.resolve(repositories),
    t: createTranslator('ja'),
    now: () => ++clock,
    newId: () => `new-${++ids}`,
    clipboard: setup.clipboard ?? {
      copyRich: async (content) => {
        copied.push(content);
        return 'rich';
      },
      copyText: async (text) => {
        copied.push({ text });
      },
    },
    download: (filename, content) => downloads.push({ filename, content }),
    confirm: (question) => {
      confirmations.push(question);
      return setup.confirmAnswers?.shift() ?? false;
    },
  });
  const view = render(
    <OptionsContext.Provider value={state}>
      <App language="ja" formatDate={(time) => new Date(time).toISOString().slice(0, 10)} />
    </OptionsContext.Provider>,
  );
  await state.load();
  // Loaded, the page still asks storage whether to offer the setup before it shows an empty install.
  if (state.loaded.value) {
    await waitFor(() => {
      if (view.container.querySelector('.options[aria-busy="true"]')) throw new Error('still deciding');
    });
  }
  return { state, repositories, view, copied, downloads, confirmations };
}
