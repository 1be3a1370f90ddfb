import { useLayoutEffect, useRef } from 'preact/hooks';
import { countGraphemes, NOTE_SOFT_LIMIT } from '../core/graphemes';
import type { Translate } from '../core/messages';

export interface NoteFieldProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
  t: Translate;
  testId?: string;
  rows?: number;
  disabled?: boolean;
  /** Take focus as soon as the field is enabled. */
  autoFocus?: boolean;
  limit?: number;
}

/** The comment textarea with a live grapheme count against a soft target: over is shown, never blocked. */
export function NoteField({
  id,
  value,
  onInput,
  t,
  testId,
  rows = 5,
  disabled,
  autoFocus,
  limit = NOTE_SOFT_LIMIT,
}: NoteFieldProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Focus once the field is usable (it is disabled until the popup has read its tab), caret at the end
  // of a draft. A layout effect, so the focus comes with the first paint, not a frame after it.
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!autoFocus || disabled || !element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, [autoFocus, disabled]);
  const count = countGraphemes(value);
  const over = count - limit;
  const counterId = `${id}-count`;
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{t('fieldNote')}</label>
      <textarea
        id={id}
        data-testid={testId}
        rows={rows}
        value={value}
        disabled={disabled}
        ref={textarea}
        aria-describedby={`${hintId} ${counterId}`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <div class="field-footer">
        <span id={hintId} class="hint">
          {t('noteHint')}
        </span>
        <span id={counterId} class={over > 0 ? 'counter over' : 'counter'} aria-live="polite">
          {over > 0
            ? t('noteOver', [String(limit), String(over)])
            : t('noteCount', [String(count), String(limit)])}
        </span>
      </div>
    </div>
  );
}
