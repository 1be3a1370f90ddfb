import { useState } from 'preact/hooks';
import type { ImportProgress as Progress } from '../../core/transfer/paced';
import { restoreAtSetup } from '../setup-actions';
import { useOptionsState } from '../state';
import { readFiles } from './BackupPanel';
import { ImportProgress } from './ImportProgress';
import { TransferStatus } from './TransferStatus';

export interface SetupRestoreProps {
  /** Called once a backup was restored: the install is set up. */
  onRestored: () => void;
}

/** The setup's other way in: a backup from another browser, restored as the settings' import does. */
export function SetupRestore({ onRestored }: SetupRestoreProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [progress, setProgress] = useState<Progress | null>(null);
  return (
    <section class="setup-restore" aria-labelledby="setup-restore-heading">
      <h3 id="setup-restore-heading">{t('setupRestoreHeading')}</h3>
      <p class="hint" id="setup-restore-hint">
        {t('setupRestoreHint')}
      </p>
      <div class="field">
        <label for="setup-restore">{t('setupRestore')}</label>
        <input
          id="setup-restore"
          data-testid="setup-restore"
          type="file"
          accept="application/json,.json"
          aria-describedby="setup-restore-hint"
          // One import at a time, as in the settings (BackupPanel).
          disabled={progress !== null}
          onChange={async (event) => {
            const input = event.currentTarget;
            const [file] = await readFiles(input);
            input.value = '';
            if (!file) return;
            let restored = false;
            try {
              restored = await restoreAtSetup(state, file.text, setProgress);
            } finally {
              setProgress(null);
            }
            if (restored) onRestored();
          }}
        />
      </div>
      <ImportProgress progress={progress} />
      <TransferStatus />
    </section>
  );
}
