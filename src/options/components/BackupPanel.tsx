import { useState } from 'preact/hooks';
import type { ImportProgress as Progress } from '../../core/transfer/paced';
import { exportBackup, importBackup } from '../backup-actions';
import { useOptionsState } from '../state';
import { ImportProgress } from './ImportProgress';
import { TransferStatus } from './TransferStatus';

/** Reads the chosen files as text; a file the browser cannot read becomes an error, never a silent skip. */
export function readFiles(input: HTMLInputElement): Promise<{ name: string; text: string }[]> {
  return Promise.all(
    [...(input.files ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })),
  );
}

/** Backup and restore: export everything, import by merging, or (confirmed) replace everything. */
export function BackupPanel() {
  const state = useOptionsState();
  const { t } = state.services;
  const [replace, setReplace] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  return (
    <section aria-labelledby="backup-heading" class="backup">
      <h3 id="backup-heading">{t('backupHeading')}</h3>
      <p class="hint">{t('backupHint')}</p>
      <div class="actions start">
        <button type="button" data-testid="backup-export" onClick={() => void exportBackup(state)}>
          {t('backupExport')}
        </button>
      </div>
      <div class="field">
        <label for="backup-import">{t(replace ? 'backupImportReplace' : 'backupImport')}</label>
        <input
          id="backup-import"
          data-testid="backup-import"
          type="file"
          accept="application/json,.json"
          // One import at a time: a second file chosen mid-way would merge against a stale read.
          disabled={progress !== null}
          onChange={async (event) => {
            const input = event.currentTarget;
            const [file] = await readFiles(input);
            input.value = '';
            if (!file) return;
            if (replace && !state.services.confirm(t('backupReplaceConfirm', file.name))) return;
            try {
              await importBackup(state, file.text, { replace, onProgress: setProgress });
            } finally {
              setProgress(null);
            }
            setReplace(false);
          }}
        />
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="backup-replace"
          checked={replace}
          onChange={(event) => setReplace(event.currentTarget.checked)}
        />
        {t('backupReplaceMode')}
      </label>
      <ImportProgress progress={progress} />
      <TransferStatus />
    </section>
  );
}
