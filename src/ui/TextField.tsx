import { fieldError } from './field-error';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  testId?: string;
  /** `url` brings the URL keyboard; validation stays ours, so the browser's own bubble never interferes. */
  inputMode?: 'text' | 'url';
  disabled?: boolean;
  /** Why a save refused this field, shown under it (field-error.tsx). */
  error?: string;
}

/** A labelled single-line input. */
export function TextField({
  id,
  label,
  value,
  onInput,
  testId,
  inputMode = 'text',
  disabled,
  error,
}: TextFieldProps) {
  const refused = fieldError(id, error, testId);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        data-testid={testId}
        value={value}
        disabled={disabled}
        spellcheck={false}
        onInput={(event) => onInput(event.currentTarget.value)}
        {...refused.attrs}
      />
      {refused.message}
    </div>
  );
}
