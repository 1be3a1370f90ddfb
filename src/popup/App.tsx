import type { Translate } from '../core/messages';
import { ClipForm } from './components/ClipForm';
import { Unclippable } from './components/Unclippable';
import { PopupContext, type PopupState } from './state';
import { type Store, StoreView } from './store';

export interface AppProps {
  t: Translate;
  onOpenOptions: () => void;
  /** Opens the options page on a published item, read-only in the archive. */
  onOpenPublished: (issueId: string, clippingId: string) => void;
}

/**
 * The popup. Its state comes from `<PopupContext.Provider>` (read as `contextType`: the popup loads no
 * preact/hooks) and is passed down as a prop; the whole page re-renders after each write to it.
 */
export class App extends StoreView<AppProps> {
  static override contextType = PopupContext;
  declare context: PopupState | null;

  private get popup(): PopupState {
    if (!this.context) throw new Error('<App> needs a <PopupContext.Provider>.');
    return this.context;
  }

  protected get store(): Store {
    return this.popup.store;
  }

  protected view() {
    const { t, onOpenOptions, onOpenPublished } = this.props;
    const { popup } = this;
    return (
      <main class="popup">
        <header class="popup-header">
          <h1>{t('popupHeading')}</h1>
          <button type="button" class="link-button" onClick={onOpenOptions}>
            {t('openOptions')}
          </button>
        </header>
        {popup.blocker.value ? (
          <Unclippable message={popup.blocker.value} />
        ) : (
          <ClipForm state={popup} t={t} onOpenPublished={onOpenPublished} />
        )}
      </main>
    );
  }
}
