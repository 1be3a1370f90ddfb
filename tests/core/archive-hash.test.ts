import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archiveHash, parseArchiveHash, recordPublishedEdit } from '../../src/core/issue';
import { makeIssue } from '../support/factories';

describe('archiveHash / parseArchiveHash', () => {
  it('names any issue and item so that parsing gives them back', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        (issueId, clippingId) => {
          expect(parseArchiveHash(`#${archiveHash(issueId, clippingId)}`)).toEqual({
            issueId,
            clippingId: clippingId ?? null,
          });
        },
      ),
    );
  });

  it.each(['', '#', '#issue/x', '#archive', '#archive/', '#archive/a/b/c', '#archive/%E0%A4%A'])(
    'ignores %j',
    (hash) => {
      expect(parseArchiveHash(hash)).toBeNull();
    },
  );
});

describe('recordPublishedEdit', () => {
  it('appends the time and changes nothing else', () => {
    const issue = makeIssue({ status: 'published', publishedAt: 5 });
    const once = recordPublishedEdit(issue, 10);
    expect(once).toEqual({ ...issue, editedAfterPublish: [10] });
    expect(recordPublishedEdit(once, 20).editedAfterPublish).toEqual([10, 20]);
    expect(issue.editedAfterPublish).toBeUndefined();
  });
});
