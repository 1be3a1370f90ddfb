import type { MessageKey } from '../../core/messages';
import type { ImportPhase, ImportProgress as Progress } from '../../core/transfer/paced';
import { useOptionsState } from '../state';

export interface ImportProgressProps {
  /** The import under way, or null when none is. */
  progress: Progress | null;
}

const PHASE_MESSAGES = {
  reading: 'importProgressReading',
  checking: 'importProgressChecking',
  merging: 'importProgressMerging',
  writing: 'importProgressWriting',
} as const satisfies Record<ImportPhase, MessageKey>;

/**
 * How far an import has got: a bar and a line of words (records checked, merged, written of all).
 * `data-phase`, `data-done` and `data-total` let the e2e tests follow it (tests/e2e/README.md).
 */
export function ImportProgress({ progress }: ImportProgressProps) {
  const { t } = useOptionsState().services;
  if (!progress) return null;
  const { phase, done, total } = progress;
  const counted = phase !== 'reading';
  return (
    <div
      class="import-progress"
      data-testid="import-progress"
      data-phase={phase}
      data-done={done}
      data-total={total}
      role="status"
    >
      {/* Without a value the bar is indeterminate: reading a file has no count to show. */}
      <progress
        data-testid="import-progress-bar"
        aria-label={t('importProgressLabel')}
        max={counted ? Math.max(total, 1) : undefined}
        value={counted ? done : undefined}
      />
      <span data-testid="import-progress-text">
        {counted ? t(PHASE_MESSAGES[phase], [String(done), String(total)]) : t(PHASE_MESSAGES[phase])}
      </span>
    </div>
  );
}
