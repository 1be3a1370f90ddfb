export interface SetupFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** What is wrong with the value, in the user's words; marks the field invalid and is read with it. */
  error?: string | undefined;
  help?: string;
  placeholder?: string;
  /** A textarea of this many rows instead of a single-line input. */
  rows?: number;
  /** `numeric` brings the digit keyboard; validation stays ours (readSetup), never the browser's. */
  inputMode?: 'text' | 'numeric';
}

/** A labelled field of the first-run setup, with its help and its error said at the field. */
export function SetupField({
  id,
  label,
  value,
  onInput,
  error,
  help,
  placeholder,
  rows,
  inputMode,
}: SetupFieldProps) {
  const described = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ');
  const common = {
    id,
    'data-testid': id,
    value,
    placeholder,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} onInput={(event) => onInput(event.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          spellcheck={false}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      )}
      {help && (
        <span id={`${id}-help`} class="hint">
          {help}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="field-error" data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
