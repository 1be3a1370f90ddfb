import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextUpdatedAt } from '../../src/core/updated-at';

describe('nextUpdatedAt', () => {
  it('is now when the clock moved on', () => {
    expect(nextUpdatedAt({ updatedAt: 1000 }, 5000)).toBe(5000);
  });

  it('is always after the previous value, whatever the clock says', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (updatedAt, now) => {
        const next = nextUpdatedAt({ updatedAt }, now);
        expect(next).toBeGreaterThan(updatedAt);
        expect(next).toBeGreaterThanOrEqual(now);
      }),
    );
  });
});
