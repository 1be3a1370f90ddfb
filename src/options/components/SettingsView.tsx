import { useOptionsState } from '../state';
import { BackupPanel } from './BackupPanel';
import { CategoryManager } from './CategoryManager';
import { NewsletterForm } from './NewsletterForm';
import { TeamRemotePanel } from './TeamRemotePanel';

export interface SettingsViewProps {
  language: string;
  /** Shows the first-run setup again, prefilled with what is set now (SetupView). */
  onRedoSetup: () => void;
}

export function SettingsView({ language, onRedoSetup }: SettingsViewProps) {
  const { t } = useOptionsState().services;
  return (
    <section aria-labelledby="settings-heading" class="settings">
      <h2 id="settings-heading">{t('navSettings')}</h2>
      <div class="actions start redo-setup">
        <button type="button" data-testid="settings-redo-setup" onClick={onRedoSetup}>
          {t('settingsRedoSetup')}
        </button>
        <span class="hint">{t('settingsRedoSetupHint')}</span>
      </div>
      <NewsletterForm language={language} />
      <TeamRemotePanel />
      <CategoryManager />
      <BackupPanel />
    </section>
  );
}
