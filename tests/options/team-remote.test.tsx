import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderOptions } from '../support/options';

/** Issue 11: the team repository form says what is wrong before anything is asked or sent. */

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.input(input(testId), { target: { value } });
const status = () => screen.getByTestId('team-sync-status');

describe('the team repository form', () => {
  it('asks for the URL, a token in a password field, and the sync branch, weekly-clipper by default', async () => {
    await renderOptions();
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(input('team-remote-token').type).toBe('password');
    expect(input('team-remote-branch').value).toBe('weekly-clipper');
    expect(status().dataset.state).toBe('idle');
  });

  it('refuses an http URL elsewhere than this computer, a missing token and a bad branch, storing nothing', async () => {
    const { repositories } = await renderOptions();
    fireEvent.click(screen.getByTestId('nav-settings'));
    type('team-remote-url', 'http://github.com/cybozu/neco-weekly.git');
    type('team-remote-branch', 'weekly clipper');
    fireEvent.click(screen.getByTestId('team-connect'));
    await waitFor(() => expect(status().dataset.state).toBe('error'));
    expect(status().textContent).toContain('https:// で始めてください');
    expect(status().textContent).toContain('アクセストークンを入力してください');
    expect(status().textContent).toContain('git のブランチ名として使えません');
    expect(await repositories.team.getRemote()).toBeNull();
  });

  it('refuses a URL with a password in it, where the token belongs', async () => {
    const { repositories } = await renderOptions();
    fireEvent.click(screen.getByTestId('nav-settings'));
    type('team-remote-url', 'https://me:github_pat_x@github.com/cybozu/neco-weekly.git');
    type('team-remote-token', 'github_pat_x');
    fireEvent.click(screen.getByTestId('team-connect'));
    await waitFor(() => expect(status().dataset.state).toBe('error'));
    expect(status().textContent).toContain('ユーザー名やパスワードを含めないでください');
    expect(status().textContent).not.toContain('github_pat_x');
    expect(await repositories.team.getRemote()).toBeNull();
  });
});
