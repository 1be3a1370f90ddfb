import type { Translate } from '../core/messages';
import { ClipForm } from './components/ClipForm';
import { Unclippable } from './components/Unclippable';
import { usePopupState } from './state';
import { useStore } from './store';

export interface AppProps {
  t: Translate;
  onOpenOptions: () => void;
  /** Opens the options page on a published item, read-only in the archive. */
  onOpenPublished: (issueId: string, clippingId: string) => void;
}

export function App({ t, onOpenOptions, onOpenPublished }: AppProps) {
  const { blocker, store } = usePopupState();
  useStore(store);
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popupHeading')}</h1>
        <button type="button" class="link-button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </header>
      {blocker.value ? (
        <Unclippable message={blocker.value} />
      ) : (
        <ClipForm t={t} onOpenPublished={onOpenPublished} />
      )}
    </main>
  );
}
