import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type SetupField as Field,
  readSetup,
  type SetupErrors,
  type SetupForm,
  setupForm,
  withWeekday,
} from '../../core/first-run';
import type { SetupOutcome } from '../../storage/setting-keys';
import { saveSetup, skipSetup, todayOf } from '../setup-actions';
import { useOptionsState } from '../state';
import { SetupField } from './SetupField';
import { SetupRestore } from './SetupRestore';
import { WeekdaySelect } from './WeekdaySelect';

export interface SetupViewProps {
  /** `first` on a fresh install; `redo` from the settings, prefilled with what is set now. */
  mode: 'first' | 'redo';
  language: string;
  /** The setup was answered: saved, skipped (or, redone, cancelled), or a backup restored. */
  onDone: (outcome: SetupOutcome) => void;
}

const FIELD_ORDER: readonly Field[] = ['name', 'number', 'date'];

/**
 * The first-run setup (issue 10): the newsletter's name, the next issue's number and date, the meeting
 * day, the intro, the signature and the member's name, prefilled; saved together, skipped, or answered
 * by restoring a backup. Nothing is written until it is saved.
 */
export function SetupView({ mode, language, onDone }: SetupViewProps) {
  const state = useOptionsState();
  const { t } = state.services;
  const [form, setForm] = useState<SetupForm>(() =>
    setupForm(state.settings.value, state.openIssue.value, todayOf(state)),
  );
  // Errors are said once a save was tried, and follow the typing from then on.
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const read = readSetup(form);
  const errors: SetupErrors = tried && !read.ok ? read.errors : {};
  const errorText = (field: Field) => (errors[field] ? t(errors[field]) : undefined);
  const edit = (change: Partial<SetupForm>) => setForm((current) => ({ ...current, ...change }));

  // Asked for from the settings, the setup takes their place: focus goes to it.
  useEffect(() => {
    if (mode === 'redo') heading.current?.focus();
  }, [mode]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!read.ok) {
      setTried(true);
      const first = FIELD_ORDER.find((field) => read.errors[field]);
      document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setSaving(true);
    if (await saveSetup(state, read.choice)) {
      onDone('saved');
      return;
    }
    setSaving(false);
  }

  return (
    <section class="setup" data-testid="setup" data-mode={mode} aria-labelledby="setup-heading">
      <h2 id="setup-heading" ref={heading} tabIndex={-1}>
        {t(mode === 'first' ? 'setupHeading' : 'setupRedoHeading')}
      </h2>
      <p class="hint">{t(mode === 'first' ? 'setupLead' : 'setupRedoLead')}</p>
      <form class="setup-form" noValidate onSubmit={(event) => void submit(event)}>
        <SetupField
          id="setup-name"
          label={t('settingName')}
          value={form.name}
          error={errorText('name')}
          onInput={(name) => edit({ name })}
        />
        <div class="setup-row">
          <SetupField
            id="setup-number"
            label={t('setupNumber')}
            help={t('setupNumberHelp')}
            inputMode="numeric"
            value={form.number}
            error={errorText('number')}
            onInput={(number) => edit({ number })}
          />
          <SetupField
            id="setup-date"
            label={t('setupDate')}
            help={t('setupDateHelp')}
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            value={form.date}
            error={errorText('date')}
            onInput={(date) => edit({ date })}
          />
          <WeekdaySelect
            id="setup-weekday"
            label={t('settingWeekday')}
            language={language}
            value={form.meetingWeekday}
            onChange={(weekday) => setForm((current) => withWeekday(current, weekday, todayOf(state)))}
          />
        </div>
        <SetupField
          id="setup-intro"
          label={t('settingIntro')}
          help={t('settingIntroHelp')}
          rows={4}
          value={form.introTemplate}
          onInput={(introTemplate) => edit({ introTemplate })}
        />
        <SetupField
          id="setup-footer"
          label={t('settingFooter')}
          help={t('settingFooterHelp')}
          placeholder={t('setupFooterExample')}
          rows={2}
          value={form.footerTemplate}
          onInput={(footerTemplate) => edit({ footerTemplate })}
        />
        <SetupField
          id="setup-member"
          label={t('settingMember')}
          placeholder={t('setupMemberExample')}
          value={form.memberName}
          onInput={(memberName) => edit({ memberName })}
        />
        <div class="actions start">
          <button type="submit" class="primary" data-testid="setup-save" disabled={saving}>
            {t(mode === 'first' ? 'setupSave' : 'setupSaveRedo')}
          </button>
          <button
            type="button"
            data-testid="setup-skip"
            disabled={saving}
            onClick={async () => {
              await skipSetup(state);
              onDone('skipped');
            }}
          >
            {t(mode === 'first' ? 'setupSkip' : 'setupCancel')}
          </button>
        </div>
      </form>
      {mode === 'first' && <SetupRestore onRestored={() => onDone('restored')} />}
    </section>
  );
}
