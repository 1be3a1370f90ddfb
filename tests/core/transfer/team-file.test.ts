import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../src/core/clipping';
import { DEFAULT_CATEGORIES } from '../../../src/core/default-categories';
import { describeFileError, type FileError } from '../../../src/core/transfer/json-file';
import {
  createTeamFile,
  parseTeamFile,
  TEAM_FILE_MAX_BYTES,
  type TeamCategory,
  teamFilename,
} from '../../../src/core/transfer/team-file';

type TeamFileError = Pick<FileError, 'code' | 'path'>;

import { makeClipping, makeIssue } from '../../support/factories';

const ISSUE = makeIssue({ id: 'open', number: 41, date: '2023-09-15' });
const NOW = Date.UTC(2023, 8, 14, 10, 0, 0);
const _TEAM_CATEGORIES: TeamCategory[] = DEFAULT_CATEGORIES.map(({ id, label }) => ({ id, label }));

const inIssue = (overrides: Partial<Clipping>) => makeClipping({ issueId: 'open', ...overrides });

describe('createTeamFile', () => {
  const source = {
    issue: ISSUE,
    member: '佐藤',
    now: NOW,
    categories: DEFAULT_CATEGORIES,
    clippings: [
      inIssue({ id: 'b', title: 'B', url: 'https://example.com/b', categoryId: 'tools', order: 0 }),
      inIssue({ id: 'a', title: 'A', url: 'https://example.com/a', note: '良い\n記事', clippedBy: '鈴木' }),
    ],
  };

  it('writes sorted keys, one category and one clipping per line', () => {
    expect(createTeamFile(source)).toBe(
      [
        '{',
        '  "categories": [',
        '    {"id":"notable-articles","label":"👀 Notable Articles"},',
        '    {"id":"tools","label":"🛠️ Tools, Frameworks, Libraries"}',
        '  ],',
        '  "clippings": [',
        '    {"categoryId":"notable-articles","clippedBy":"鈴木","createdAt":1000,"id":"a","note":"良い\\n記事","order":1000,"title":"A","updatedAt":1000,"url":"https://example.com/a"},',
        '    {"categoryId":"tools","clippedBy":"佐藤","createdAt":1000,"id":"b","note":"","order":0,"title":"B","updatedAt":1000,"url":"https://example.com/b"}',
        '  ],',
        '  "exportedAt": "2023-09-14T10:00:00.000Z",',
        '  "format": "weekly-clipper-team",',
        '  "issue": {"date":"2023-09-15","number":41},',
        '  "member": "佐藤",',
        '  "version": 1',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives the same bytes for the same data in any order, exportedAt aside', () => {
    const reordered = {
      ...source,
      now: NOW + 86_400_000,
      clippings: [...source.clippings].reverse(),
      categories: [...DEFAULT_CATEGORIES].reverse(),
    };
    const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '');
    expect(withoutTime(createTeamFile(reordered))).toBe(withoutTime(createTeamFile(source)));
    expect(createTeamFile(reordered)).not.toBe(createTeamFile(source));
  });

  it('keeps every clipping on one line whatever its note holds', () => {
    const notes = [
      '改行\nあり',
      'CR\r\nLF',
      'line\u2028separator',
      'para\u2029graph',
      '"quoted" \\ `code`',
      '\t',
    ];
    const clippings = notes.map((note, index) => inIssue({ id: `n${index}`, note, order: index }));
    const text = createTeamFile({ ...source, clippings });
    const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
    const clippingLines = lines.filter((line) => line.startsWith('    {"categoryId"'));
    expect(clippingLines).toHaveLength(notes.length);
    expect(clippingLines.map((line) => JSON.parse(line.replace(/,$/, '')).note)).toEqual(notes);
    expect(lines).toHaveLength(13 + notes.length);
  });

  it('sorts the keys of every object', () => {
    const sortedEverywhere = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(sortedEverywhere);
      if (value === null || typeof value !== 'object') return true;
      const keys = Object.keys(value);
      return keys.join() === [...keys].sort().join() && Object.values(value).every(sortedEverywhere);
    };
    expect(sortedEverywhere(JSON.parse(createTeamFile(source)))).toBe(true);
  });

  it('writes the open issue only, leaving out items marked to carry over, other issues and the backlog', () => {
    const clippings = [
      inIssue({ id: 'kept' }),
      inIssue({ id: 'carried', carryOver: true }),
      makeClipping({ id: 'published', issueId: 'issue-40' }),
      makeClipping({ id: 'backlog', issueId: null }),
    ];
    const parsed = parseTeamFile(createTeamFile({ ...source, clippings }));
    expect(parsed.ok && parsed.file.clippings.map((clipping) => clipping.id)).toEqual(['kept']);
  });

  it('orders clippings by category order, position, clipping time and id', () => {
    const clippings = [
      inIssue({ id: 'tools-1', categoryId: 'tools', order: 0 }),
      inIssue({ id: 'notable-late', order: 2, createdAt: 1 }),
      inIssue({ id: 'notable-z', order: 1, createdAt: 5 }),
      inIssue({ id: 'notable-y', order: 1, createdAt: 5 }),
      inIssue({ id: 'notable-early', order: 1, createdAt: 2 }),
      inIssue({ id: 'books-1', categoryId: 'books', order: 0 }),
    ];
    const parsed = parseTeamFile(createTeamFile({ ...source, clippings }));
    expect(parsed.ok && parsed.file.clippings.map((clipping) => clipping.id)).toEqual([
      'notable-early',
      'notable-y',
      'notable-z',
      'notable-late',
      'tools-1',
      'books-1',
    ]);
  });

  it('lists only the categories in use; one deleted locally gets its id as label and goes last', () => {
    const clippings = [inIssue({ id: 'x', categoryId: 'gone' }), inIssue({ id: 'y', categoryId: 'books' })];
    const parsed = parseTeamFile(createTeamFile({ ...source, clippings }));
    expect(parsed.ok && parsed.file.categories).toEqual([
      { id: 'books', label: '📘 Books' },
      { id: 'gone', label: 'gone' },
    ]);
  });

  it('writes an empty issue as empty lists', () => {
    const text = createTeamFile({ ...source, clippings: [] });
    expect(text).toContain('  "categories": [],\n  "clippings": [],\n');
    expect(parseTeamFile(text).ok).toBe(true);
  });

  it('round-trips through parseTeamFile, leaving out local-only fields', () => {
    const clippings = [
      inIssue({ id: 'a', otherNotes: [{ id: 'z', clippedBy: '鈴木', note: 'x', updatedAt: 1 }] }),
    ];
    const text = createTeamFile({ ...source, clippings });
    expect(text).not.toContain('otherNotes');
    expect(text).not.toContain('carryOver');
    expect(text).not.toContain('issueId');
    const parsed = parseTeamFile(text);
    expect(parsed).toEqual({
      ok: true,
      file: {
        format: 'weekly-clipper-team',
        version: 1,
        member: '佐藤',
        exportedAt: '2023-09-14T10:00:00.000Z',
        issue: { number: 41, date: '2023-09-15' },
        categories: [{ id: 'notable-articles', label: '👀 Notable Articles' }],
        clippings: [
          {
            id: 'a',
            url: 'https://zenn.dev/team_soda/articles/0b57bba3a3665f',
            title: 'Zenn の記事',
            note: '',
            categoryId: 'notable-articles',
            order: 1000,
            clippedBy: '佐藤',
            createdAt: 1000,
            updatedAt: 1000,
          },
        ],
      },
    });
  });
});

describe('teamFilename', () => {
  it.each([
    ['Sato Taro', 'weekly-clipper-team-2023-09-15-sato-taro.json'],
    ['佐藤 太郎', 'weekly-clipper-team-2023-09-15-佐藤-太郎.json'],
    ['ＳＡＴＯ', 'weekly-clipper-team-2023-09-15-sato.json'],
    ['../../etc/passwd', 'weekly-clipper-team-2023-09-15-etc-passwd.json'],
    ['a:b*c?"d"<e>|f\\g', 'weekly-clipper-team-2023-09-15-a-b-c-d-e-f-g.json'],
    ['', 'weekly-clipper-team-2023-09-15-member.json'],
    ['🍣', 'weekly-clipper-team-2023-09-15-member.json'],
    [`${'x'.repeat(39)} y`, `weekly-clipper-team-2023-09-15-${'x'.repeat(39)}.json`],
    ['𠮷'.repeat(50), `weekly-clipper-team-2023-09-15-${'𠮷'.repeat(40)}.json`],
  ])('names %j’s file', (member, filename) => {
    expect(teamFilename(member, ISSUE)).toBe(filename);
  });
});

describe('parseTeamFile', () => {
  const valid = () => ({
    format: 'weekly-clipper-team',
    version: 1,
    member: '佐藤',
    exportedAt: '2023-09-14T10:00:00.000Z',
    issue: { number: 41, date: '2023-09-15' },
    categories: [
      { id: 'notable-articles', label: '👀 Notable Articles' },
      { id: 'tools', label: '🛠️ Tools' },
    ],
    clippings: [0, 1, 2].map((index) => ({
      id: `c${index}`,
      url: `https://example.com/${index}`,
      title: `T${index}`,
      note: '',
      categoryId: 'notable-articles',
      order: index,
      clippedBy: '佐藤',
      createdAt: 1000,
      updatedAt: 1000,
    })),
  });
  type Data = ReturnType<typeof valid>;
  const errorsOf = (text: string): TeamFileError[] => {
    const result = parseTeamFile(text);
    return result.ok ? [] : result.errors.map(({ code, path }) => ({ code, path }));
  };
  const withChange = (change: (data: Data & Record<string, unknown>) => void) => {
    const data = valid();
    change(data);
    return JSON.stringify(data);
  };
  const clipping = (data: Data, index: number) => data.clippings[index] as Record<string, unknown>;

  it('accepts a valid file', () => {
    expect(parseTeamFile(JSON.stringify(valid()))).toEqual({ ok: true, file: valid() });
  });

  it.each<[string, string, TeamFileError[]]>([
    ['text that is not JSON', 'weekly clipper', [{ path: '', code: 'not-json' }]],
    ['a truncated file', JSON.stringify(valid()).slice(0, -10), [{ path: '', code: 'not-json' }]],
    ['a JSON array', '[]', [{ path: '', code: 'wrong-format' }]],
    ['JSON null', 'null', [{ path: '', code: 'wrong-format' }]],
    [
      'another format',
      withChange((d) => (d.format = 'weekly-clipper-backup')),
      [{ path: 'format', code: 'wrong-format' }],
    ],
    [
      'no format',
      withChange((d) => delete (d as Partial<Data>).format),
      [{ path: 'format', code: 'wrong-format' }],
    ],
    ['a newer version', withChange((d) => (d.version = 3)), [{ path: 'version', code: 'newer-version' }]],
    [
      'a version as text',
      withChange((d) => (d.version = '1' as never)),
      [{ path: 'version', code: 'wrong-type' }],
    ],
    ['version 0', withChange((d) => (d.version = 0)), [{ path: 'version', code: 'invalid-value' }]],
    [
      'no version',
      withChange((d) => delete (d as Partial<Data>).version),
      [{ path: 'version', code: 'missing' }],
    ],
    [
      'no member',
      withChange((d) => delete (d as Partial<Data>).member),
      [{ path: 'member', code: 'missing' }],
    ],
    [
      'a member that is a number',
      withChange((d) => (d.member = 7 as never)),
      [{ path: 'member', code: 'wrong-type' }],
    ],
    [
      'exportedAt not a time',
      withChange((d) => (d.exportedAt = 'yesterday')),
      [{ path: 'exportedAt', code: 'invalid-value' }],
    ],
    ['no issue', withChange((d) => delete (d as Partial<Data>).issue), [{ path: 'issue', code: 'missing' }]],
    [
      'issue 第0回',
      withChange((d) => (d.issue.number = 0)),
      [{ path: 'issue.number', code: 'invalid-value' }],
    ],
    [
      'issue on 2023-02-30',
      withChange((d) => (d.issue.date = '2023-02-30')),
      [{ path: 'issue.date', code: 'invalid-value' }],
    ],
    [
      'categories as an object',
      withChange((d) => (d.categories = {} as never)),
      [{ path: 'categories', code: 'wrong-type' }],
    ],
    [
      'a category that is text',
      withChange((d) => (d.categories[1] = 'tools' as never)),
      [{ path: 'categories[1]', code: 'wrong-type' }],
    ],
    [
      'a blank category label',
      withChange((d) => (d.categories[0] = { id: 'notable-articles', label: ' ' })),
      [{ path: 'categories[0].label', code: 'invalid-value' }],
    ],
    [
      'two categories with one id',
      withChange((d) => (d.categories[1] = { id: 'notable-articles', label: 'X' })),
      [{ path: 'categories[1].id', code: 'duplicate-id' }],
    ],
    [
      'no clippings',
      withChange((d) => delete (d as Partial<Data>).clippings),
      [{ path: 'clippings', code: 'missing' }],
    ],
    [
      'a clipping that is null',
      withChange((d) => (d.clippings[1] = null as never)),
      [{ path: 'clippings[1]', code: 'wrong-type' }],
    ],
    [
      'a javascript: URL',
      withChange((d) => (d.clippings[2] = { ...clipping(d, 2), url: 'javascript:alert(1)' } as never)),
      [{ path: 'clippings[2].url', code: 'invalid-value' }],
    ],
    [
      'an ftp URL',
      withChange((d) => (clipping(d, 0).url = 'ftp://example.com/file')),
      [{ path: 'clippings[0].url', code: 'invalid-value' }],
    ],
    [
      'a relative URL',
      withChange((d) => (clipping(d, 0).url = '/articles/1')),
      [{ path: 'clippings[0].url', code: 'invalid-value' }],
    ],
    [
      'a URL that is null',
      withChange((d) => (clipping(d, 0).url = null)),
      [{ path: 'clippings[0].url', code: 'wrong-type' }],
    ],
    [
      'no URL and no title',
      withChange((d) => Object.assign(clipping(d, 1), { url: '', title: '  ' })),
      [{ path: 'clippings[1].title', code: 'no-url-or-title' }],
    ],
    [
      'an empty id',
      withChange((d) => (clipping(d, 0).id = '')),
      [{ path: 'clippings[0].id', code: 'invalid-value' }],
    ],
    [
      'two clippings with one id',
      withChange((d) => (clipping(d, 2).id = 'c0')),
      [{ path: 'clippings[2].id', code: 'duplicate-id' }],
    ],
    [
      'a category the file does not list',
      withChange((d) => (clipping(d, 1).categoryId = 'books')),
      [{ path: 'clippings[1].categoryId', code: 'unknown-category' }],
    ],
    [
      'a note that is a number',
      withChange((d) => (clipping(d, 0).note = 42)),
      [{ path: 'clippings[0].note', code: 'wrong-type' }],
    ],
    [
      'no clippedBy',
      withChange((d) => delete clipping(d, 0).clippedBy),
      [{ path: 'clippings[0].clippedBy', code: 'missing' }],
    ],
    [
      'a time as text',
      withChange((d) => (clipping(d, 0).createdAt = '1000')),
      [{ path: 'clippings[0].createdAt', code: 'wrong-type' }],
    ],
    [
      'a negative time',
      withChange((d) => (clipping(d, 0).updatedAt = -1)),
      [{ path: 'clippings[0].updatedAt', code: 'invalid-value' }],
    ],
    [
      'a fractional time',
      withChange((d) => (clipping(d, 0).createdAt = 1.5)),
      [{ path: 'clippings[0].createdAt', code: 'wrong-type' }],
    ],
    [
      'an order too large for a number',
      JSON.stringify(valid()).replace('"order":1', '"order":1e999'),
      [{ path: 'clippings[1].order', code: 'invalid-value' }],
    ],
    [
      'several problems at once',
      withChange((d) => {
        d.member = null as never;
        delete clipping(d, 0).title;
        clipping(d, 2).url = 'mailto:a@example.com';
      }),
      [
        { path: 'member', code: 'wrong-type' },
        { path: 'clippings[0].title', code: 'missing' },
        { path: 'clippings[2].url', code: 'invalid-value' },
      ],
    ],
  ])('rejects %s', (_name, text, errors) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it('rejects a file over 5 MiB, counting UTF-8 bytes', () => {
    const base = JSON.stringify(valid());
    const padded = (filler: string, count: number) =>
      base.replace('"member":"佐藤"', `"member":"${filler.repeat(count)}"`);
    const overhead = new TextEncoder().encode(base).byteLength - new TextEncoder().encode('佐藤').byteLength;
    expect(parseTeamFile(padded('a', TEAM_FILE_MAX_BYTES - overhead)).ok).toBe(true);
    expect(errorsOf(padded('a', TEAM_FILE_MAX_BYTES - overhead + 1))).toEqual([
      { path: '', code: 'too-large' },
    ]);
    // 2 MiB characters, but 6 MiB of UTF-8.
    expect(errorsOf(padded('あ', 2 * 1024 * 1024))).toEqual([{ path: '', code: 'too-large' }]);
  });

  it('accepts a byte order mark, items without URL, an empty clippedBy and fields it does not know', () => {
    const text = `\uFEFF${withChange((d) => {
      Object.assign(clipping(d, 0), { url: '', title: 'Q&A', clippedBy: '', futureField: true });
      d.futureTopLevel = { x: 1 };
    })}`;
    const result = parseTeamFile(text);
    expect(result.ok).toBe(true);
    expect(result.ok && result.file.clippings[0]).toEqual({
      ...valid().clippings[0],
      url: '',
      title: 'Q&A',
      clippedBy: '',
    });
    expect(result.ok && 'futureTopLevel' in result.file).toBe(false);
  });

  it('reads only its own fields, never the prototype chain', () => {
    const text = JSON.stringify(valid()).replace('"note":"",', '"__proto__":{"note":"from proto"},');
    expect(errorsOf(text)).toEqual([{ path: 'clippings[0].note', code: 'missing' }]);
  });

  it('explains every problem in words, naming where it is', () => {
    const text = withChange((d) => {
      clipping(d, 2).url = 'javascript:alert(1)';
      clipping(d, 1).categoryId = 'books';
    });
    const result = parseTeamFile(text);
    const messages = result.ok ? [] : result.errors.map((error) => describeFileError(error, 'team'));
    expect(messages).toEqual([
      { key: 'backupErrorValueHttpUrl', substitutions: ['clippings[2].url'] },
      { key: 'backupErrorUnknownCategory', substitutions: ['clippings[1].categoryId', 'books'] },
    ]);
    expect(describeFileError({ code: 'wrong-format', path: 'format' }, 'team').key).toBe(
      'teamErrorWrongFormat',
    );
  });

  it('lists at most 100 problems', () => {
    const text = withChange((d) => {
      d.clippings = Array.from({ length: 300 }, () => ({}) as never);
    });
    const errors = errorsOf(text);
    expect(errors).toHaveLength(100);
    expect(errors[0]).toEqual({ path: 'clippings[0].id', code: 'missing' });
  });
});
