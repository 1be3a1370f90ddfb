import { useState } from 'preact/hooks';
import type { ImportProgress as Progress } from '../../core/transfer/paced';
import { exportTeamFile, importTeamFiles } from '../backup-actions';
import { useOptionsState } from '../state';
import { readFiles } from './BackupPanel';
import { ImportProgress } from './ImportProgress';
import { TransferStatus } from './TransferStatus';

/**
 * Team merge: each member writes out their clippings of this issue; the editor imports everyone's
 * files into their own open issue. Results show in the same `backup-status` line as backups.
 */
export function TeamPanel() {
  const state = useOptionsState();
  const { t } = state.services;
  const [progress, setProgress] = useState<Progress | null>(null);
  return (
    <section aria-labelledby="team-heading" class="team">
      <h3 id="team-heading">{t('teamHeading')}</h3>
      <p class="hint">{t('teamHint')}</p>
      <div class="actions start">
        <button type="button" data-testid="team-export" onClick={() => exportTeamFile(state)}>
          {t('teamExport')}
        </button>
      </div>
      <div class="field">
        <label for="team-import">{t('teamImport')}</label>
        <input
          id="team-import"
          data-testid="team-import"
          type="file"
          multiple
          accept="application/json,.json"
          disabled={progress !== null}
          onChange={async (event) => {
            const input = event.currentTarget;
            const files = await readFiles(input);
            input.value = '';
            if (files.length === 0) return;
            try {
              await importTeamFiles(state, files, setProgress);
            } finally {
              setProgress(null);
            }
          }}
        />
      </div>
      <ImportProgress progress={progress} />
      <TransferStatus />
    </section>
  );
}
