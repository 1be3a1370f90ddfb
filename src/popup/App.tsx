import type { Translate } from '../core/messages';
import { ClipForm } from './components/ClipForm';
import { Unclippable } from './components/Unclippable';
import type { PopupState } from './state';
import { type Store, StoreView } from './store';

export interface AppProps {
  state: PopupState;
  t: Translate;
  onOpenOptions: () => void;
  /** Opens a published item (default: the options page's archive, components/PublishedPanel.tsx). */
  onOpenPublished?: (issueId: string, clippingId: string) => void;
}

/**
 * The popup. Its state is a prop, passed down as one (no context: preact's createContext alone is 0.2 KB
 * gzip of the popup's 12 KB budget, issue 8); the whole page re-renders after each write to it.
 */
export class App extends StoreView<AppProps> {
  protected get store(): Store {
    return this.props.state.store;
  }

  protected view() {
    const { state: popup, t, onOpenOptions, onOpenPublished } = this.props;
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
