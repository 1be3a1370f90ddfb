import type { Weekday } from '../../core/calendar';
import { updateSettings } from '../settings-actions';
import { useOptionsState } from '../state';
import { SyncedField } from './SyncedField';
import { TitleRulesField } from './TitleRulesField';
import { ZennArticleSettings } from './ZennArticleSettings';

export interface NewsletterFormProps {
  language: string;
}

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/**
 * The newsletter's name, intro and footer templates, meeting day, the member's own name, the Zenn article
 * file's settings and the title cleanup rules.
 * Each is saved as it is typed, like the rest of the page: there is no save button to forget.
 */
export function NewsletterForm({ language }: NewsletterFormProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const settings = state.settings.value;
  // 2023-01-01 was a Sunday: day n of that week names weekday n in the UI language.
  const weekdayName = (day: Weekday) =>
    new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2023, 0, 1 + day),
    );
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
      <div class="field">
        <label for="setting-weekday">{t('settingWeekday')}</label>
        <select
          id="setting-weekday"
          data-testid="setting-weekday"
          value={String(settings.meetingWeekday)}
          onChange={(event) =>
            void updateSettings(state, { meetingWeekday: Number(event.currentTarget.value) as Weekday })
          }
        >
          {WEEKDAYS.map((day) => (
            <option key={day} value={String(day)}>
              {weekdayName(day)}
            </option>
          ))}
        </select>
      </div>
      <SyncedField
        id="setting-member"
        label={t('settingMember')}
        stored={settings.memberName}
        save={(memberName, basis, refuse) =>
          void updateSettings(state, { memberName }, { read: (s) => s.memberName, basis, refuse })
        }
      />
      <ZennArticleSettings />
      <TitleRulesField />
    </div>
  );
}
