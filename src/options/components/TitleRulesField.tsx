import { useMemo, useState } from 'preact/hooks';
import type { MessageKey } from '../../core/messages';
import type { NewsletterSettings } from '../../core/settings';
import { DEFAULT_TITLE_RULES } from '../../core/title-cleanup';
import { formatTitleRules, parseTitleRules, type TitleRuleErrorCode } from '../../core/title-rules-text';
import type { SharedTextField } from '../../ui/use-shared-text';
import { updateSettings } from '../settings-actions';
import { useOptionsState } from '../state';
import { SyncedField } from './SyncedField';

const PROBLEM_KEYS: Record<TitleRuleErrorCode, MessageKey> = {
  lineTooLong: 'titleRuleErrorLineTooLong',
  tooManyRules: 'titleRuleErrorTooManyRules',
  invalidSite: 'titleRuleErrorInvalidSite',
  unknownKind: 'titleRuleErrorUnknownKind',
  missingText: 'titleRuleErrorMissingText',
  unexpectedText: 'titleRuleErrorUnexpectedText',
};

const DEFAULT_TEXT = formatTitleRules(DEFAULT_TITLE_RULES);

/** The text the field shows for the stored setting: the built-in table written out when there is none. */
const shownOf = (settings: NewsletterSettings): string => settings.titleRules ?? DEFAULT_TEXT;

/**
 * The title cleanup rules, saved as typed with the lines in error kept. Text that is exactly the
 * built-in table is stored as null, so a member who types it back (or resets) follows each new
 * version's table again instead of being pinned to this one.
 */
export function TitleRulesField() {
  const state = useOptionsState();
  const { t } = state.services;
  const settings = state.settings.value;
  const [shown, setShown] = useState(() => shownOf(settings));
  const errors = useMemo(() => parseTitleRules(shown).errors, [shown]);
  const usingDefaults = settings.titleRules === null;
  // Reset is the built-in text typed into the field: it replaces unsaved text instead of racing it
  // (a separate write of null would meet that text as another page's change and ask about it).
  const reset = (field: SharedTextField) => {
    field.input(DEFAULT_TEXT);
    field.flush();
  };
  return (
    <div class="title-rules">
      <SyncedField
        id="setting-title-rules"
        label={t('settingTitleRules')}
        rows={8}
        spellcheck={false}
        help={t('settingTitleRulesHelp')}
        stored={shownOf(settings)}
        onShown={setShown}
        save={(text, basis, refuse) =>
          void updateSettings(
            state,
            { titleRules: text === DEFAULT_TEXT ? null : text },
            { read: shownOf, basis, refuse },
          )
        }
      >
        {(field) => (
          <>
            <ul class="title-rule-errors" data-testid="setting-title-rules-errors" aria-live="polite">
              {errors.map((error) => (
                <li key={error.line}>
                  {t('titleRuleError', [String(error.line), t(PROBLEM_KEYS[error.code])])}
                </li>
              ))}
            </ul>
            {usingDefaults && (
              <p class="hint" data-testid="setting-title-rules-default">
                {t('settingTitleRulesDefault')}
              </p>
            )}
            <div class="actions start">
              <button
                type="button"
                data-testid="setting-title-rules-reset"
                disabled={usingDefaults && field.value === DEFAULT_TEXT}
                onClick={() => reset(field)}
              >
                {t('settingTitleRulesReset')}
              </button>
            </div>
          </>
        )}
      </SyncedField>
    </div>
  );
}
