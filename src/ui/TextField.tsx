export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  testId?: string;
  /** `url` brings the URL keyboard; validation stays ours, so the browser's own bubble never interferes. */
  inputMode?: 'text' | 'url';
  disabled?: boolean;
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
}: TextFieldProps) {
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
      />
    </div>
  );
}
