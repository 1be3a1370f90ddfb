import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keepMine,
  needsSave,
  refused,
  type SharedText,
  sent,
  sharedText,
  storedChanged,
  takeTheirs,
  typed,
} from '../../src/core/shared-text';

/**
 * Two fields (two tabs) over one stored value, driven by random interleavings of typing, saving, writes
 * landing in the database (in order, each announced to both fields) and the user's choices.
 */

type Op =
  | { kind: 'type'; field: 0 | 1; text: string }
  | { kind: 'save'; field: 0 | 1 }
  | { kind: 'land' }
  | { kind: 'choose'; field: 0 | 1; mine: boolean };

const text = fc.constantFrom('', 'a', 'b', 'ab', 'あとがき', ' x ');
const field = fc.constantFrom<0 | 1>(0, 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), field, text }),
  fc.record({ kind: fc.constant('save' as const), field }),
  fc.constant({ kind: 'land' as const }),
  fc.record({ kind: fc.constant('choose' as const), field, mine: fc.boolean() }),
);

const asIs = (value: string) => value;

function run(ops: readonly Op[], check: (before: SharedText, after: SharedText, via: string) => void) {
  let stored = '';
  const fields: SharedText[] = [sharedText(stored), sharedText(stored)];
  const queue: { from: 0 | 1; value: string; basis: string }[] = [];
  const written: { from: 0 | 1; value: string; basis: string; over: string }[] = [];
  const heldAsTheirs: Set<string>[] = [new Set(), new Set()];
  const announce = () => {
    for (const i of [0, 1] as const) {
      const before = fields[i] as SharedText;
      const after = storedChanged(before, stored, asIs);
      check(before, after, 'storedChanged');
      if (after.theirs !== null) heldAsTheirs[i]?.add(after.theirs);
      fields[i] = after;
    }
  };
  for (const step of ops) {
    if (step.kind === 'type') fields[step.field] = typed(fields[step.field] as SharedText, step.text);
    else if (step.kind === 'save') {
      const current = fields[step.field] as SharedText;
      if (needsSave(current, current.value)) {
        const basis = current.pending.at(-1) ?? current.base;
        fields[step.field] = sent(current, current.value);
        queue.push({ from: step.field, value: current.value, basis });
      }
    } else if (step.kind === 'land') {
      const next = queue.shift();
      // The store writes only over what the write was built on (updateOpenIssue's guard).
      if (next && stored !== next.basis && stored !== next.value) {
        fields[next.from] = refused(fields[next.from] as SharedText, next.value, stored);
        const held = fields[next.from]?.theirs;
        if (held) heldAsTheirs[next.from]?.add(held);
      } else if (next) {
        written.push({ ...next, over: stored });
        stored = next.value;
        announce();
      }
    } else {
      const current = fields[step.field] as SharedText;
      fields[step.field] = step.mine ? keepMine(current) : takeTheirs(current);
    }
  }
  return { fields, written, heldAsTheirs, stored, queue };
}

describe('a shared text field', () => {
  it('changes what it shows on a stored change only when it had nothing unsaved', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        run(ops, (before, after) => {
          if (after.value === before.value) return;
          const clean = before.pending.length === 0 && before.theirs === null && before.value === before.base;
          expect(clean).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('never overwrites the other tab’s text unseen: it was built on, or it was held for a choice', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        // Record each field's base when it sends, to know what its write was built on.
        const { written, heldAsTheirs } = run(ops, () => {});
        const lastFrom = [new Set<string>(), new Set<string>()];
        for (const write of written) {
          const other = (1 - write.from) as 0 | 1;
          const overOthers = write.over !== write.value && lastFrom[other]?.has(write.over);
          if (overOthers) {
            const seen = write.basis === write.over || heldAsTheirs[write.from]?.has(write.over);
            expect(seen, `${JSON.stringify(write)} in ${JSON.stringify(ops)}`).toBe(true);
          }
          lastFrom[write.from]?.add(write.value);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lands a write only over the text it was built on', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        for (const write of run(ops, () => {}).written)
          expect([write.basis, write.value]).toContain(write.over);
      }),
      { numRuns: 2000 },
    );
  });

  it('settles: once every write has landed, each field shows the stored value, saves, or asks', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { fields, stored } = run([...ops, ...Array(40).fill({ kind: 'land' })], () => {});
        for (const f of fields) {
          const settled = f.value === stored || f.theirs !== null || needsSave(f, f.value);
          expect(settled).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('storedChanged', () => {
  const base = sharedText('old');
  it.each<[string, SharedText, string, Partial<SharedText>]>([
    ['a clean field follows', base, 'new', { value: 'new', base: 'new', theirs: null }],
    [
      'its own write is acknowledged',
      sent(typed(base, 'mine'), 'mine'),
      'mine',
      { value: 'mine', base: 'mine', pending: [] },
    ],
    [
      'unsaved text is kept and the other text held',
      typed(base, 'mine'),
      'theirs',
      { value: 'mine', theirs: 'theirs' },
    ],
    [
      'a pending write is kept and the other text held',
      sent(typed(base, 'mine'), 'mine'),
      'theirs',
      { value: 'mine', theirs: 'theirs', pending: ['mine'] },
    ],
    [
      'the same text written elsewhere agrees',
      typed(base, 'same'),
      'same',
      { value: 'same', base: 'same', theirs: null },
    ],
  ])('%s', (_, state, stored, expected) => {
    expect(storedChanged(state, stored, (value) => value)).toMatchObject(expected);
  });

  it('uses the stored form: a field showing "a, b," agrees with a stored "a, b"', () => {
    const topics = (value: string) =>
      value
        .split(/[,\s]+/)
        .filter(Boolean)
        .join(', ');
    const state = typed(sharedText('a'), 'a, b,');
    expect(needsSave(state, topics(state.value))).toBe(true);
    expect(storedChanged(sent(state, 'a, b'), 'a, b', topics)).toMatchObject({
      value: 'a, b,',
      theirs: null,
      pending: [],
    });
  });

  it('writes nothing while a choice is open, and the chosen text after it', () => {
    const held = storedChanged(typed(sharedText(''), 'mine'), 'theirs', (value) => value);
    expect(needsSave(held, held.value)).toBe(false);
    expect(needsSave(keepMine(held), 'mine')).toBe(true);
    expect(takeTheirs(held)).toMatchObject({ value: 'theirs', theirs: null });
    expect(needsSave(takeTheirs(held), 'theirs')).toBe(false);
  });
});
