import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, serializeBackup } from '../../src/core/transfer/backup';
import type { ImportPhase, ImportProgress as Progress } from '../../src/core/transfer/paced';
import { importBackup, importTeamFiles } from '../../src/options/backup-actions';
import { ImportProgress } from '../../src/options/components/ImportProgress';
import { OptionsContext } from '../../src/options/state';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

/** Issue 8: an import says how far it has got, phase by phase, with counts. */

const ISSUE = makeIssue({ id: 'issue-1' });

function backupOf(count: number): string {
  const clippings = Array.from({ length: count }, (_, index) =>
    makeClipping({ id: `c${index}`, url: `https://example.com/${index}`, title: `記事 ${index}` }),
  );
  const categories = DEFAULT_CATEGORIES.map((category) => ({ ...category }));
  return serializeBackup(
    createBackup({ clippings, issues: [ISSUE], categories, settings: DEFAULT_SETTINGS }, 0),
  );
}

/** The phases in the order they were first reported. */
const phasesOf = (steps: Progress[]) => [...new Set(steps.map((step) => step.phase))];
const last = (steps: Progress[], phase: ImportPhase) => steps.filter((step) => step.phase === phase).at(-1);

describe('import progress', () => {
  it('a merge reports reading, records checked, merged and written, each up to its total', async () => {
    const { state, repositories } = await renderOptions();
    const steps: Progress[] = [];
    const ok = await importBackup(state, backupOf(2_000), { onProgress: (step) => steps.push(step) });
    expect(ok).toBe(true);
    expect(phasesOf(steps)).toEqual(['reading', 'checking', 'merging', 'writing']);
    const records = 2_000 + 1 + DEFAULT_CATEGORIES.length;
    expect(last(steps, 'checking')).toEqual({ phase: 'checking', done: records, total: records });
    expect(last(steps, 'merging')).toEqual({ phase: 'merging', done: 2_001, total: 2_001 });
    // Written: the clippings and the issue; the default categories are here already.
    expect(last(steps, 'writing')).toEqual({ phase: 'writing', done: 2_001, total: 2_001 });
    expect((await repositories.clippings.list()).length).toBe(2_000);
  });

  it('a replace reports the records written, then says how many clippings it holds', async () => {
    const { state } = await renderOptions({ clippings: [makeClipping({ id: 'old' })] });
    const steps: Progress[] = [];
    const ok = await importBackup(state, backupOf(600), {
      replace: true,
      onProgress: (step) => steps.push(step),
    });
    expect(ok).toBe(true);
    expect(phasesOf(steps)).toEqual(['reading', 'checking', 'writing']);
    const total = 600 + 1 + DEFAULT_CATEGORIES.length + 1;
    expect(last(steps, 'writing')).toEqual({ phase: 'writing', done: total, total });
    expect(state.backupStatus.value?.text).toContain('600');
  });

  it('a broken file stops after checking, changes nothing and says where', async () => {
    const { state, repositories } = await renderOptions();
    const steps: Progress[] = [];
    const text = backupOf(1_000).replace('"url": "https://example.com/700"', '"url": 700');
    const ok = await importBackup(state, text, { onProgress: (step) => steps.push(step) });
    expect(ok).toBe(false);
    expect(phasesOf(steps)).toEqual(['reading', 'checking']);
    expect(state.backupStatus.value?.text).toContain('clippings[');
    expect(await repositories.clippings.list()).toEqual([]);
  });

  it('a team import reports its phases too', async () => {
    const { state } = await renderOptions({ issues: [ISSUE] });
    const clippings = Array.from({ length: 300 }, (_, index) => ({
      id: `t${index}`,
      url: `https://example.com/t/${index}`,
      title: `t${index}`,
      note: '',
      categoryId: 'notable-articles',
      order: index,
      clippedBy: '鈴木',
      createdAt: 1000 + index,
      updatedAt: 1000 + index,
    }));
    const file = JSON.stringify({
      categories: [{ id: 'notable-articles', label: '👀 Notable Articles' }],
      clippings,
      exportedAt: '2023-11-14T22:13:20.000Z',
      format: 'weekly-clipper-team',
      issue: { date: ISSUE.date, number: ISSUE.number },
      member: '鈴木',
      version: 1,
    });
    const steps: Progress[] = [];
    expect(
      await importTeamFiles(state, [{ name: 'suzuki.json', text: file }], (step) => steps.push(step)),
    ).toBe(true);
    expect(phasesOf(steps)).toEqual(['reading', 'checking', 'merging', 'writing']);
    expect(last(steps, 'writing')).toEqual({ phase: 'writing', done: 300, total: 300 });
  }, 30_000);

  it('shows the phase and the counts in Japanese, with a bar that has the same numbers', async () => {
    const { state, view } = await renderOptions();
    view.unmount();
    const show = (progress: Progress | null) =>
      render(
        <OptionsContext.Provider value={state}>
          <ImportProgress progress={progress} />
        </OptionsContext.Provider>,
      );
    const writing = show({ phase: 'writing', done: 250, total: 1_000 });
    expect(screen.getByTestId('import-progress-text').textContent).toBe(
      '書き込んでいます: 250 / 1000 件（すべて書き終えるまで、データは変わりません）',
    );
    const bar = screen.getByTestId('import-progress-bar') as HTMLProgressElement;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['250', '1000']);
    expect(screen.getByTestId('import-progress').dataset).toMatchObject({
      phase: 'writing',
      done: '250',
      total: '1000',
    });
    writing.unmount();
    show({ phase: 'reading', done: 0, total: 0 });
    expect(screen.getByTestId('import-progress-text').textContent).toBe('ファイルを読み込んでいます…');
    expect(screen.getByTestId('import-progress-bar').hasAttribute('value')).toBe(false);
  });
});
