import { render } from 'preact';
import { translate, uiLanguage } from '../platform/i18n';
import { openClipperDB } from '../storage/db';
import { createRepositories } from '../storage/repositories';
import { App } from './App';
import { createOptionsState, OptionsContext } from './state';
import '../ui/base.css';
import './options.css';

const language = uiLanguage();
document.documentElement.lang = language;
document.title = translate('optionsTitle');

const state = createOptionsState({
  // A newer version upgrading the database closes this connection; reloading picks up the new schema.
  repositories: openClipperDB({ onVersionChange: () => location.reload() }).then(createRepositories),
  t: translate,
  now: Date.now,
});
void state.load();

const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsContext.Provider value={state}>
      <App t={translate} formatDate={(time) => dateFormat.format(time)} />
    </OptionsContext.Provider>,
    root,
  );
}
