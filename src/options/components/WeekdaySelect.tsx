import type { Weekday } from '../../core/calendar';
import { MEETING_WEEKDAYS, weekdayName } from '../weekday-names';

export interface WeekdaySelectProps {
  /** The select's id and data-testid. */
  id: string;
  label: string;
  /** The UI language, for the weekdays' names. */
  language: string;
  value: Weekday;
  onChange: (day: Weekday) => void;
}

/** The meeting day, Monday first, named in the UI language (the settings and the first-run setup). */
export function WeekdaySelect({ id, label, language, value, onChange }: WeekdaySelectProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        data-testid={id}
        value={String(value)}
        onChange={(event) => onChange(Number(event.currentTarget.value) as Weekday)}
      >
        {MEETING_WEEKDAYS.map((day) => (
          <option key={day} value={String(day)}>
            {weekdayName(language, day)}
          </option>
        ))}
      </select>
    </div>
  );
}
