import { updateSettings } from '../settings-actions';
import { useOptionsState } from '../state';
import { SyncedField } from './SyncedField';
import { TitleRulesField } from './TitleRulesField';
import { WeekdaySelect } from './WeekdaySelect';
import { ZennArticleSettings } from './ZennArticleSettings';

export interface NewsletterFormProps {
  language: string;
}

/**
 * The newsletter's name, intro and footer templates, meeting day, the member's own name, whether the
 * popup closes after a save, the Zenn article file's settings and the title cleanup rules.
 * Each is saved as it is typed, like the rest of the page: there is no save button to forget.
 */
export function NewsletterForm({ language }: NewsletterFormProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const settings = state.settings.value;
  return (
    <div class="settings-form" data-testid="settings-form">
      <SyncedField
        id="setting-name"
        label={t('settingName')}
        stored={settings.name}
        // The Markdown's heading needs a name: an emptied field is not saved until it has one again.
        formOf={(value) => value.trim() || undefined}
        save={(name, basis, refuse) =>
          void updateSettings(state, { name }, { read: (s) => s.name, basis, refuse })
        }
      />
      <SyncedField
        id="setting-intro"
        label={t('settingIntro')}
        rows={5}
        help={t('settingIntroHelp')}
        stored={settings.introTemplate}
        save={(introTemplate, basis, refuse) =>
          void updateSettings(state, { introTemplate }, { read: (s) => s.introTemplate, basis, refuse })
        }
      />
      <SyncedField
        id="settings-footer"
        label={t('settingFooter')}
        rows={2}
        help={t('settingFooterHelp')}
        stored={settings.footerTemplate}
        save={(footerTemplate, basis, refuse) =>
          void updateSettings(state, { footerTemplate }, { read: (s) => s.footerTemplate, basis, refuse })
        }
      />
      <WeekdaySelect
        id="setting-weekday"
        label={t('settingWeekday')}
        language={language}
        value={settings.meetingWeekday}
        onChange={(meetingWeekday) => void updateSettings(state, { meetingWeekday })}
      />
      <SyncedField
        id="setting-member"
        label={t('settingMember')}
        stored={settings.memberName}
        save={(memberName, basis, refuse) =>
          void updateSettings(state, { memberName }, { read: (s) => s.memberName, basis, refuse })
        }
      />
      <label class="checkbox">
        <input
          type="checkbox"
          data-testid="setting-close-popup"
          checked={settings.closePopupAfterSave}
          onChange={(event) =>
            void updateSettings(state, { closePopupAfterSave: event.currentTarget.checked })
          }
        />
        {t('settingClosePopup')}
      </label>
      <ZennArticleSettings />
      <TitleRulesField />
    </div>
  );
}
