import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { Harness } from './harness';
import { byTestId, waitForClipping } from './options-page';
import { field, waitForFormState } from './popup';

const harnesses: Harness[] = [];
afterAll(async () => {
  await Promise.all(harnesses.map((harness) => harness.close()));
});

async function start(): Promise<Harness> {
  const harness = await Harness.start();
  harnesses.push(harness);
  return harness;
}

async function clip(h: Harness, slug: string, title: string, note: string): Promise<void> {
  const { page, tabId } = await h.openTab(h.articleUrl(slug, new URLSearchParams({ title }).toString()));
  const popup = await h.openPopup(tabId);
  await waitForFormState(popup, 'new');
  await field(popup, 'note').fill(note);
  await field(popup, 'save').click();
  await waitForFormState(popup, 'saved');
  await Promise.all([popup.close(), page.close()]);
}

describe('backup and restore across profiles', () => {
  it('exports from one profile and imports into a fresh one with identical Markdown; a broken file changes nothing', async () => {
    const first = await start();
    await clip(
      first,
      'one',
      '移行する記事 <1>',
      'バックアップで運ぶコメント。\n- [関連](https://example.com/a_b)',
    );
    await clip(first, 'two', 'もう一つの記事', '二つ目。');
    const options = await first.openOptions();
    await waitForClipping(options, 'もう一つの記事');
    const markdown = await byTestId(options, 'issue-markdown').textContent();
    expect(markdown).toContain('### 移行する記事 \\<1>');

    await byTestId(options, 'nav-settings').click();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      byTestId(options, 'backup-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^weekly-clipper-backup-\d{8}-\d{4}\.json$/);
    const path = await download.path();
    const backup = await readFile(path, 'utf8');
    expect(JSON.parse(backup).format).toBe('weekly-clipper-backup');

    const second = await start();
    const fresh = await second.openOptions();
    await byTestId(fresh, 'nav-settings').click();
    await byTestId(fresh, 'backup-import').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup.replace('"updatedAt":', '"updatedAt": "soon", "x":')),
    });
    await expect.poll(() => byTestId(fresh, 'backup-status').getAttribute('data-state')).toBe('error');
    expect(await byTestId(fresh, 'backup-status').textContent()).toMatch(/\w+\[\d+\]|JSON/);
    await byTestId(fresh, 'nav-issue').click();
    expect(await byTestId(fresh, 'issue-start').count()).toBe(1);

    await byTestId(fresh, 'nav-settings').click();
    await byTestId(fresh, 'backup-import').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    await expect.poll(() => byTestId(fresh, 'backup-status').getAttribute('data-state')).toBe('ok');
    await byTestId(fresh, 'nav-issue').click();
    await expect.poll(() => byTestId(fresh, 'issue-markdown').textContent()).toBe(markdown);
  });
});
