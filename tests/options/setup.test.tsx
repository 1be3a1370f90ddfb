import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { localIsoDate, nextWeekday } from '../../src/core/calendar';
import { DEFAULT_CATEGORIES } from '../../src/core/default-categories';
import { firstIssue } from '../../src/core/issue';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { createBackup, serializeBackup } from '../../src/core/transfer/backup';
import { freshRepositories } from '../support/database';
import { makeClipping, makeIssue } from '../support/factories';
import { renderOptions } from '../support/options';

// renderOptions' clock starts here: today, on the page, is this day (the setup's default date follows it).
const TODAY = localIsoDate(new Date(1_800_000_000_001));

const NECO = { ...DEFAULT_SETTINGS, name: 'Neco Weekly', footerTemplate: 'サイボウズ Necoチーム 😺' };
const ISSUE_41 = makeIssue({ id: 'issue-41', number: 41, date: '2023-09-15' });

const field = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.input(field(testId), { target: { value } });
const markdown = () => screen.getByTestId('issue-markdown').textContent ?? '';
/** The text read with a field: what its aria-describedby names. */
const describedBy = (testId: string) =>
  (field(testId).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('first-run setup', () => {
  it('opens a fresh install on the setup, prefilled, and writes nothing yet', async () => {
    const { repositories } = await renderOptions({ setup: 'pending' });
    expect(screen.getByTestId('setup').dataset.mode).toBe('first');
    expect(screen.queryByTestId('issue-start')).toBeNull();
    expect(field('setup-name').value).toBe(DEFAULT_SETTINGS.name);
    expect(field('setup-number').value).toBe('1');
    expect(field('setup-date').value).toBe(nextWeekday(TODAY, DEFAULT_SETTINGS.meetingWeekday));
    expect(field('setup-weekday').value).toBe(String(DEFAULT_SETTINGS.meetingWeekday));
    expect(field('setup-intro').value).toBe(DEFAULT_SETTINGS.introTemplate);
    expect(field('setup-footer').value).toBe('');
    expect(field('setup-member').value).toBe('');
    expect(screen.getByTestId('setup-restore')).not.toBeNull();
    expect(await repositories.issues.list()).toEqual([]);
    expect(await repositories.settings.isSetupDone()).toBe(false);
  });

  it('saves 第41回 on 2023-09-15 with the settings, then shows the issue editor', async () => {
    const { repositories } = await renderOptions({ setup: 'pending' });
    type('setup-name', 'Neco Weekly');
    type('setup-number', '41');
    type('setup-date', '2023-09-15');
    type('setup-footer', 'サイボウズ Necoチーム 😺');
    type('setup-member', 'さとう');
    fireEvent.click(screen.getByTestId('setup-save'));
    await waitFor(() => expect(screen.queryByTestId('issue-number')).not.toBeNull());
    expect(screen.queryByTestId('setup')).toBeNull();
    expect(field('issue-number').value).toBe('41');
    expect(field('issue-date').value).toBe('2023-09-15');
    expect(markdown().startsWith('# Neco Weekly (2023-09-15号)\n')).toBe(true);
    expect(markdown()).toContain('今回は第41回目の記事となります。');
    expect(markdown()).toContain('サイボウズ Necoチーム 😺');
    expect(screen.getByTestId('page-notice').textContent).toContain('第41回（2023-09-15号）');

    const issues = await repositories.issues.list();
    expect(issues.map(({ number, date, status }) => ({ number, date, status }))).toEqual([
      { number: 41, date: '2023-09-15', status: 'open' },
    ]);
    expect(await repositories.settings.getNewsletter()).toEqual({
      ...DEFAULT_SETTINGS,
      name: 'Neco Weekly',
      footerTemplate: 'サイボウズ Necoチーム 😺',
      memberName: 'さとう',
    });
    expect(await repositories.settings.isSetupDone()).toBe(true);
  });

  it('skips to the issue editor, changes nothing else, and is not offered again after a reload', async () => {
    const first = await renderOptions({ setup: 'pending' });
    fireEvent.click(screen.getByTestId('setup-skip'));
    await waitFor(() => expect(screen.queryByTestId('issue-start')).not.toBeNull());
    expect(screen.queryByTestId('setup')).toBeNull();
    expect(await first.repositories.issues.list()).toEqual([]);
    expect(await first.repositories.settings.getNewsletter()).toEqual(DEFAULT_SETTINGS);
    first.view.unmount();

    await renderOptions({ repos: first.repositories, setup: 'pending' });
    expect(screen.queryByTestId('setup')).toBeNull();
    expect(screen.getByTestId('issue-start')).not.toBeNull();
  });

  it('is never offered to an install with issues or clippings', async () => {
    const withIssue = await renderOptions({ setup: 'pending', issues: [ISSUE_41], settings: NECO });
    expect(screen.queryByTestId('setup')).toBeNull();
    expect(field('issue-number').value).toBe('41');
    expect(await withIssue.repositories.settings.isSetupDone()).toBe(false);
    withIssue.view.unmount();

    await renderOptions({ setup: 'pending', clippings: [makeClipping({ id: 'kept', issueId: null })] });
    expect(screen.queryByTestId('setup')).toBeNull();
    expect(screen.getByTestId('issue-start')).not.toBeNull();
  });

  it('says at the field what cannot be saved, and saves nothing', async () => {
    const { repositories } = await renderOptions({ setup: 'pending' });
    type('setup-name', '   ');
    type('setup-number', '0');
    type('setup-date', '2023-02-30');
    // Nothing is said before a save is tried.
    expect(field('setup-date').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByTestId('setup-save'));

    await waitFor(() => expect(field('setup-date').getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy('setup-date')).toContain('存在しない日付です');
    expect(field('setup-number').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy('setup-number')).toContain('1 以上の整数を入力してください');
    expect(field('setup-name').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy('setup-name')).toContain('ニュースレター名を入力してください');
    expect(document.activeElement).toBe(field('setup-name'));
    expect(screen.getByTestId('setup')).not.toBeNull();

    // The errors follow the typing: a fixed field is no longer marked.
    type('setup-number', '1e3');
    expect(describedBy('setup-number')).toContain('1 以上の整数を入力してください');
    type('setup-number', '４１');
    expect(field('setup-number').getAttribute('aria-invalid')).toBeNull();
    type('setup-date', '2023-9');
    expect(describedBy('setup-date')).toContain('YYYY-MM-DD');

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await repositories.issues.list()).toEqual([]);
    expect(await repositories.settings.getNewsletter()).toEqual(DEFAULT_SETTINGS);
    expect(await repositories.settings.isSetupDone()).toBe(false);
  });

  it('moves a date it proposed with the meeting day, and keeps a date that was typed', async () => {
    await renderOptions({ setup: 'pending' });
    fireEvent.change(field('setup-weekday'), { target: { value: '1' } });
    expect(field('setup-date').value).toBe(nextWeekday(TODAY, 1));
    type('setup-date', '2023-09-15');
    fireEvent.change(field('setup-weekday'), { target: { value: '5' } });
    expect(field('setup-date').value).toBe('2023-09-15');
  });

  it('renumbers the issue the popup opened while the setup was shown, never a second one', async () => {
    const { state, repositories } = await renderOptions({ setup: 'pending' });
    // The popup's first save opens 第1回 (save-clip.ts) and tells this page, which reads again.
    await repositories.issues.ensureOpen(firstIssue('popup-issue', TODAY, 5, 1_000));
    await repositories.clippings.save(
      makeClipping({ id: 'clipped', title: '先にクリップした記事', issueId: 'popup-issue' }),
    );
    await state.load();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('setup')).not.toBeNull();

    type('setup-number', '41');
    type('setup-date', '2023-09-15');
    fireEvent.click(screen.getByTestId('setup-save'));
    await waitFor(() => expect(screen.queryByTestId('issue-number')).not.toBeNull());
    const issues = await repositories.issues.list();
    expect(issues.map(({ id, number, date, status }) => ({ id, number, date, status }))).toEqual([
      { id: 'popup-issue', number: 41, date: '2023-09-15', status: 'open' },
    ]);
    expect((await repositories.clippings.list()).map((clipping) => clipping.issueId)).toEqual([
      'popup-issue',
    ]);
    expect(markdown()).toContain('### 先にクリップした記事');
    expect(markdown()).toContain('今回は第41回目の記事となります。');
  });

  it('is redone from the settings, prefilled with what is set now, and saving changes the open issue', async () => {
    const { repositories } = await renderOptions({ issues: [ISSUE_41], settings: NECO });
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('settings-redo-setup'));
    expect(screen.getByTestId('setup').dataset.mode).toBe('redo');
    expect(screen.queryByTestId('setup-restore')).toBeNull();
    expect(field('setup-name').value).toBe('Neco Weekly');
    expect(field('setup-number').value).toBe('41');
    expect(field('setup-date').value).toBe('2023-09-15');
    expect(field('setup-footer').value).toBe('サイボウズ Necoチーム 😺');
    expect(document.activeElement?.id).toBe('setup-heading');

    // Cancelled, it changes nothing and goes back to the settings.
    fireEvent.click(screen.getByTestId('setup-skip'));
    await waitFor(() => expect(screen.queryByTestId('settings-form')).not.toBeNull());
    expect((await repositories.issues.get('issue-41'))?.number).toBe(41);

    fireEvent.click(screen.getByTestId('settings-redo-setup'));
    type('setup-name', 'Infra Weekly');
    type('setup-number', '42');
    type('setup-date', '2023/9/22');
    fireEvent.click(screen.getByTestId('setup-save'));
    await waitFor(() => expect(screen.queryByTestId('issue-number')).not.toBeNull());
    expect(field('issue-number').value).toBe('42');
    expect(markdown().startsWith('# Infra Weekly (2023-09-22号)\n')).toBe(true);
    const issues = await repositories.issues.list();
    expect(issues.map(({ id, number, date }) => ({ id, number, date }))).toEqual([
      { id: 'issue-41', number: 42, date: '2023-09-22' },
    ]);
    expect((await repositories.settings.getNewsletter()).name).toBe('Infra Weekly');
  });

  it('restores a backup instead, which answers the setup', async () => {
    const backup = serializeBackup(
      createBackup(
        {
          clippings: [makeClipping({ id: 'restored', title: '復元した記事', issueId: ISSUE_41.id })],
          issues: [ISSUE_41],
          categories: [...DEFAULT_CATEGORIES],
          settings: NECO,
          deletions: [],
        },
        1_700_000_000_000,
      ),
    );
    const repositories = await freshRepositories();
    await renderOptions({ repos: repositories, setup: 'pending' });
    const input = field('setup-restore');
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [new File([backup], 'weekly-clipper-backup.json', { type: 'application/json' })],
    });
    fireEvent.change(input);
    await waitFor(() => expect(screen.queryByTestId('setup')).toBeNull());
    await waitFor(() => expect(markdown()).toContain('### 復元した記事'));
    expect(markdown().startsWith('# Neco Weekly (2023-09-15号)\n')).toBe(true);
    expect(within(screen.getByTestId('page-notice')).getByText(/追加/)).not.toBeNull();
    expect(await repositories.settings.isSetupDone()).toBe(true);
  });

  it('is put away when a backup is restored from the settings while it is offered', async () => {
    const backup = serializeBackup(
      createBackup(
        { clippings: [], issues: [ISSUE_41], categories: [...DEFAULT_CATEGORIES], settings: NECO },
        1_700_000_000_000,
      ),
    );
    const { repositories } = await renderOptions({ setup: 'pending' });
    fireEvent.click(screen.getByTestId('nav-settings'));
    const input = field('backup-import');
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [new File([backup], 'backup.json', { type: 'application/json' })],
    });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('backup-status').dataset.state).toBe('ok'));
    fireEvent.click(screen.getByTestId('nav-issue'));
    await waitFor(() => expect(screen.queryByTestId('issue-number')).not.toBeNull());
    expect(screen.queryByTestId('setup')).toBeNull();
    expect(await repositories.settings.isSetupDone()).toBe(true);
  });
});
