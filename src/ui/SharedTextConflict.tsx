import type { Translate } from '../core/messages';
import type { SharedTextField } from './use-shared-text';

export interface SharedTextConflictProps {
  field: SharedTextField;
  t: Translate;
  /** `{testId}-conflict`, `-theirs`, `-take-theirs`, `-keep-mine`. */
  testId: string;
}

/**
 * Shown while another page changed a field that has unsaved text here: both texts stay visible (theirs
 * as plain text) until the user picks one, so neither is lost without a choice.
 */
export function SharedTextConflict({ field, t, testId }: SharedTextConflictProps) {
  if (field.theirs === null) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid={`${testId}-conflict`}>
      <p>{t('sharedTextConflict')}</p>
      <pre class="shared-text-theirs" data-testid={`${testId}-theirs`}>
        {field.theirs}
      </pre>
      <div class="actions">
        <button type="button" data-testid={`${testId}-take-theirs`} onClick={field.takeTheirs}>
          {t('sharedTextTakeTheirs')}
        </button>
        <button type="button" class="danger" data-testid={`${testId}-keep-mine`} onClick={field.keepMine}>
          {t('sharedTextKeepMine')}
        </button>
      </div>
    </div>
  );
}
