import { useState } from 'preact/hooks';
import type { Weekday } from '../../core/calendar';
import type { NewsletterSettings } from '../../core/settings';
import { TextField } from '../../ui/TextField';
import { saveSettings } from '../settings-actions';
import { useOptionsState } from '../state';

export interface NewsletterFormProps {
  language: string;
}

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** The newsletter's name, intro template, meeting day, the member's own name and Zenn front matter. */
export function NewsletterForm({ language }: NewsletterFormProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [draft, setDraft] = useState<NewsletterSettings>(state.settings.value);
  const edit = (change: Partial<NewsletterSettings>) => setDraft((current) => ({ ...current, ...change }));
  // 2023-01-01 was a Sunday: day n of that week names weekday n in the UI language.
  const weekdayName = (day: Weekday) =>
    new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2023, 0, 1 + day),
    );
  return (
    <form
      class="settings-form"
      data-testid="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void saveSettings(state, { ...draft, name: draft.name.trim() || state.settings.value.name });
      }}
    >
      <TextField
        id="setting-name"
        testId="setting-name"
        label={t('settingName')}
        value={draft.name}
        onInput={(name) => edit({ name })}
      />
      <div class="field">
        <label for="setting-intro">{t('settingIntro')}</label>
        <textarea
          id="setting-intro"
          data-testid="setting-intro"
          rows={5}
          value={draft.introTemplate}
          aria-describedby="setting-intro-help"
          onInput={(event) => edit({ introTemplate: event.currentTarget.value })}
        />
        <span id="setting-intro-help" class="hint">
          {t('settingIntroHelp')}
        </span>
      </div>
      <div class="field">
        <label for="setting-weekday">{t('settingWeekday')}</label>
        <select
          id="setting-weekday"
          data-testid="setting-weekday"
          value={String(draft.meetingWeekday)}
          onChange={(event) => edit({ meetingWeekday: Number(event.currentTarget.value) as Weekday })}
        >
          {WEEKDAYS.map((day) => (
            <option key={day} value={String(day)}>
              {weekdayName(day)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="setting-member"
        testId="setting-member"
        label={t('settingMember')}
        value={draft.memberName}
        onInput={(memberName) => edit({ memberName })}
      />
      <TextField
        id="setting-emoji"
        testId="setting-emoji"
        label={t('settingEmoji')}
        value={draft.emoji}
        onInput={(emoji) => edit({ emoji })}
      />
      <TextField
        id="setting-topics"
        testId="setting-topics"
        label={t('settingTopics')}
        value={draft.topics.join(', ')}
        onInput={(value) => edit({ topics: value.split(/[,、\s]+/).filter(Boolean) })}
      />
      <div class="actions">
        <button type="submit" class="primary" data-testid="settings-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
