import type { Clipping } from '../../src/core/clipping';
import type { Issue } from '../../src/core/issue';

/** A complete clipping with plain defaults; tests name only what they are about. */
export function makeClipping(overrides: Partial<Clipping> = {}): Clipping {
  return {
    id: 'clip-1',
    url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
    title: 'Zenn の記事',
    note: '',
    categoryId: 'notable-articles',
    issueId: null,
    order: overrides.createdAt ?? 1000,
    carryOver: false,
    clippedBy: '',
    createdAt: 1000,
    updatedAt: overrides.createdAt ?? 1000,
    ...overrides,
  };
}

export function makeIssue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: 'issue-1',
    number: 1,
    date: '2023-09-15',
    headlineId: null,
    afterword: '',
    status: 'open',
    createdAt: 1000,
    updatedAt: 1000,
    publishedAt: null,
    ...overrides,
  };
}
