import type { Translate } from '../core/messages';
import { CategorySection } from './components/CategorySection';
import { PageNotice } from './components/PageNotice';
import { useOptionsState } from './state';

export interface AppProps {
  t: Translate;
  formatDate: (time: number) => string;
}

export function App({ t, formatDate }: AppProps) {
  const state = useOptionsState();
  const total = state.clippings.value.length;
  return (
    <main class="options" aria-busy={!state.loaded.value}>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <PageNotice t={t} />
      <section aria-labelledby="clippings-heading">
        <h2 id="clippings-heading" class="list-heading">
          {t('clippingsHeading')} <span class="count">{t('clippingCount', String(total))}</span>
        </h2>
        {state.loaded.value && total === 0 && <p class="empty">{t('emptyList')}</p>}
        {total > 0 &&
          state.groups.value.map((group) => (
            <CategorySection key={group.category?.id ?? ''} group={group} t={t} formatDate={formatDate} />
          ))}
      </section>
    </main>
  );
}
