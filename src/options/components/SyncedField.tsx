import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { SharedTextConflict } from '../../ui/SharedTextConflict';
import { type SharedTextField, type SharedTextOptions, useSharedText } from '../../ui/use-shared-text';
import { useOptionsState } from '../state';

export interface SyncedFieldProps {
  id: string;
  label: string;
  /** The setting as stored, in the form this field shows. */
  stored: string;
  /** The stored form of a typed value, undefined while it cannot be saved (an empty name). */
  formOf?: (value: string) => string | undefined;
  /** Saves the stored form over `basis`, or refuses (see useSharedText). */
  save: SharedTextOptions['save'];
  /** A textarea of this many rows instead of a single-line input. */
  rows?: number;
  help?: string;
  /** Shown while the field is empty: what is used in its place. */
  placeholder?: string;
  /** Browser spell checking of a textarea (a single-line input never has it); on unless false. */
  spellcheck?: boolean;
  /** Told the text the field shows whenever it changes (typed, or taken from elsewhere), before paint. */
  onShown?: (value: string) => void;
  /**
   * What follows the field (its errors, a reset button), given the field: a control that changes the
   * text goes through `input`, as typing does, so unsaved text is replaced, not raced by a second write.
   */
  children?: (field: SharedTextField) => ComponentChildren;
}

/** A text field of the page (a setting, the afterword), saved as it is typed and following changes made in another tab (useSharedText). */
export function SyncedField({
  id,
  label,
  stored,
  formOf,
  save,
  rows,
  help,
  placeholder,
  spellcheck,
  onShown,
  children,
}: SyncedFieldProps) {
  const { t } = useOptionsState().services;
  const field = useSharedText({ stored, save, formOf });
  // A layout effect runs in the same task as the input event, so what follows the text (the issue's
  // Markdown) is drawn with the key, not after the save's pause.
  useLayoutEffect(() => onShown?.(field.value), [field.value, onShown]);
  const common = {
    id,
    'data-testid': id,
    value: field.value,
    placeholder,
    'aria-describedby': help ? `${id}-help` : undefined,
    onBlur: field.flush,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {rows ? (
        <textarea
          {...common}
          rows={rows}
          spellcheck={spellcheck}
          onInput={(event) => field.input(event.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          spellcheck={false}
          onInput={(event) => field.input(event.currentTarget.value)}
        />
      )}
      {help && (
        <span id={`${id}-help`} class="hint">
          {help}
        </span>
      )}
      <SharedTextConflict field={field} t={t} testId={id} />
      {children?.(field)}
    </div>
  );
}
