export interface UnclippableProps {
  message: string;
}

/**
 * Shown instead of the form on a page that cannot be clipped. Keeps the form's test id with
 * `data-state="error"` so checks can tell this apart from a page still loading.
 */
export function Unclippable({ message }: UnclippableProps) {
  return (
    <form
      class="clip-form"
      data-testid="clip-form"
      data-state="error"
      onSubmit={(event) => event.preventDefault()}
    >
      <p role="alert" class="notice notice-error" data-testid="clip-unavailable">
        {message}
      </p>
    </form>
  );
}
