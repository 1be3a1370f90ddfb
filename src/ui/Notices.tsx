import type { Notice } from '../core/messages';

export interface NoticesProps {
  notices: readonly Notice[];
  testId?: string;
}

/**
 * Status lines. Errors are announced at once (role=alert); the rest politely. Text only: messages can
 * carry a page title, which is untrusted.
 */
export function Notices({ notices, testId }: NoticesProps) {
  const errors = notices.filter((notice) => notice.tone === 'error');
  const others = notices.filter((notice) => notice.tone !== 'error');
  return (
    <div class="notices" data-testid={testId}>
      <div role="alert">
        {errors.map((notice) => (
          <p key={notice.text} class="notice notice-error">
            {notice.text}
          </p>
        ))}
      </div>
      <div role="status">
        {others.map((notice) => (
          <p key={notice.text} class={`notice notice-${notice.tone}`}>
            {notice.text}
          </p>
        ))}
      </div>
    </div>
  );
}
