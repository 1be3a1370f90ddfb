import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeStorageError, storageErrorMessage } from '../../src/core/storage-error';
import { createTranslator } from '../support/i18n';

const named = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('describeStorageError', () => {
  it.each<[string, unknown, ReturnType<typeof describeStorageError>]>([
    ['a full disk (DOMException)', new DOMException('quota', 'QuotaExceededError'), { key: 'errorQuota' }],
    [
      'a full disk (Error named so)',
      named('QuotaExceededError', 'the quota has been exceeded'),
      { key: 'errorQuota' },
    ],
    [
      'a DOMException with a message',
      new DOMException('The database connection is closing.', 'InvalidStateError'),
      { text: 'InvalidStateError: The database connection is closing.' },
    ],
    ['a DOMException without a message', new DOMException('', 'AbortError'), { text: 'AbortError' }],
    [
      'an Error with a message',
      new TypeError('x is not a function'),
      { text: 'TypeError: x is not a function' },
    ],
    ['an Error without a message', new RangeError(''), { text: 'RangeError' }],
    ['an Error with an empty name', named('', 'broken'), { text: 'Error: broken' }],
    ['a thrown string', 'disk gone', { text: 'disk gone' }],
    ['a thrown number', 42, { text: '42' }],
    ['undefined', undefined, { text: 'undefined' }],
    ['null', null, { text: 'null' }],
    ['a plain object', { code: 1 }, { text: '[object Object]' }],
    ['an object without a prototype', Object.create(null), { text: '[object Object]' }],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no');
        },
      },
      { text: '[object Object]' },
    ],
  ])('%s', (_, error, expected) => {
    expect(describeStorageError(error)).toEqual(expected);
  });
});

describe('storageErrorMessage', () => {
  const t = createTranslator('ja');

  it('names a full disk in the user’s words', () => {
    const message = storageErrorMessage(t, 'errorSaveFailed', new DOMException('', 'QuotaExceededError'));
    expect(message).toBe(t('errorSaveFailed', t('errorQuota')));
    expect(message).not.toContain('QuotaExceededError');
  });

  it.each(['ja', 'en'] as const)('puts the reason into the message (%s)', (locale) => {
    const tr = createTranslator(locale);
    for (const key of ['errorSaveFailed', 'errorLoadFailed'] as const) {
      expect(storageErrorMessage(tr, key, new TypeError('boom'))).toBe(tr(key, 'TypeError: boom'));
    }
  });

  it('gives a message for anything thrown, never throwing itself', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
        (error) => {
          const message = storageErrorMessage(t, 'errorSaveFailed', error);
          expect(typeof message).toBe('string');
          expect(message.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
