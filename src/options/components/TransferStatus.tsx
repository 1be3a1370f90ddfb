import { useOptionsState } from '../state';

/** The outcome of the last backup or team import/export: `data-state` ok or error, and words for people. */
export function TransferStatus() {
  const status = useOptionsState().backupStatus.value;
  return (
    <div
      class={status ? `notice notice-${status.state === 'ok' ? 'success' : 'error'}` : 'notice-empty'}
      data-testid="backup-status"
      data-state={status?.state}
      role={status?.state === 'error' ? 'alert' : 'status'}
    >
      {status?.text}
    </div>
  );
}
