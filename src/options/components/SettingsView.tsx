import { useOptionsState } from '../state';
import { BackupPanel } from './BackupPanel';
import { CategoryManager } from './CategoryManager';
import { NewsletterForm } from './NewsletterForm';

export interface SettingsViewProps {
  language: string;
}

export function SettingsView({ language }: SettingsViewProps) {
  const { t } = useOptionsState().services;
  return (
    <section aria-labelledby="settings-heading" class="settings">
      <h2 id="settings-heading">{t('navSettings')}</h2>
      <NewsletterForm language={language} />
      <CategoryManager />
      <BackupPanel />
    </section>
  );
}
