import { Component, createRef } from 'preact';
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

/**
 * The comment textarea with a live grapheme count against a soft target: over is shown, never blocked.
 * A class, not hooks: the popup loads no preact/hooks (issue 8: its 12 KB start-up budget).
 */
export class NoteField extends Component<NoteFieldProps> {
  private readonly textarea = createRef<HTMLTextAreaElement>();

  override componentDidMount(): void {
    this.focusWhenUsable();
  }

  override componentDidUpdate(previous: NoteFieldProps): void {
    if (previous.autoFocus !== this.props.autoFocus || previous.disabled !== this.props.disabled) {
      this.focusWhenUsable();
    }
  }

  /**
   * Focus once the field is usable (it is disabled until the popup has read its tab), caret at the end
   * of a draft. Run in the commit, like a layout effect, so the focus comes with the first paint.
   */
  private focusWhenUsable(): void {
    const element = this.textarea.current;
    if (!this.props.autoFocus || this.props.disabled || !element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }

  override render() {
    const { id, value, onInput, t, testId, rows = 5, disabled, limit = NOTE_SOFT_LIMIT } = this.props;
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
          ref={this.textarea}
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
}
