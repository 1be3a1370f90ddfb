import { describe, expect, it } from 'vitest';
import { newId } from '../../src/core/id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('returns what the given source of randomness returns', () => {
    const random = { randomUUID: () => '00000000-0000-4000-8000-000000000000' as const };
    expect(newId(random)).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('defaults to crypto: random v4 UUIDs that do not repeat', () => {
    const ids = Array.from({ length: 100 }, () => newId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
