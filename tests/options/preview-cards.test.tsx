import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/** The options page's preview draws each item's card with what its clipping knows (issue 10). */
describe('the preview’s link cards', () => {
  it('show the clipping’s title and the site name the page gave when it was clipped', async () => {
    const issue = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });
    await renderOptions({
      issues: [issue],
      clippings: [
        makeClipping({
          id: 'cilium',
          issueId: issue.id,
          title: 'Cilium BGP Control Plane 使ってみました',
          url: 'https://terassyi.net/posts/2023/09/04/try-cilium-bgp-cp.html?utm_source=x',
          siteName: "terassyi's blog",
        }),
        makeClipping({
          id: 'plain',
          issueId: issue.id,
          title: 'Kubernetes v1.28',
          url: 'https://kubernetes.io/blog/',
        }),
      ],
    });
    await waitFor(() => expect(screen.getAllByTestId('preview-card')).toHaveLength(2));
    const [cilium, plain] = screen.getAllByTestId('preview-card');
    expect(cilium?.querySelector('.link-card-title')?.textContent).toBe(
      'Cilium BGP Control Plane 使ってみました',
    );
    expect(cilium?.querySelector('.link-card-host')?.textContent).toBe("terassyi's blog");
    // No site name stored: the host, under the title.
    expect(plain?.querySelector('.link-card-title')?.textContent).toBe('Kubernetes v1.28');
    expect(plain?.querySelector('.link-card-host')?.textContent).toBe('kubernetes.io');
  });
});
