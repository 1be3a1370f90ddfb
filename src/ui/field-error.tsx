/**
 * What a refused field carries: `aria-invalid`, and `aria-describedby` naming the message shown under
 * it (WCAG 3.3.1), so a screen reader reads the message with the field. The message is an alert, so it
 * is also said when it appears. Nothing at all for a field without an error.
 */
export function fieldError(id: string, error: string | undefined, testId: string | undefined) {
  if (!error) return { attrs: {}, message: null };
  const messageId = `${id}-error`;
  return {
    attrs: { 'aria-invalid': 'true' as const, 'aria-describedby': messageId },
    message: (
      <span id={messageId} class="field-error" role="alert" data-testid={testId && `${testId}-error`}>
        {error}
      </span>
    ),
  };
}
