import { useMemo, useState } from 'preact/hooks';
import type { IssueSource } from '../../core/render/zenn';
import { zennArticleFile, zennArticleProblems } from '../../core/render/zenn-article';
import { urlMatchKey } from '../../core/url';
import { Notices } from '../../ui/Notices';
import { loadPreviewRenderer } from '../preview-loader';
import type { KnownPage, PageLookup } from '../preview-nodes';
import { useOptionsState } from '../state';
import { publishToRepository, syncTeam } from '../team-actions';
import { ArticleProblems } from './ArticleProblems';
import { MarkdownText } from './MarkdownText';
import { Preview } from './Preview';

export interface OutputPanelProps {
  source: IssueSource;
  /**
   * The issue's Markdown, its blocks in runs (renderZennParts; one run of them all will do) and its Zenn
   * title, rendered from `source` by the caller (once per change, not per render).
   */
  markdown: string;
  runs: readonly (readonly string[])[];
  title: string;
}

/** Each clipped page's title and site name, by the match key of its URL. */
function pageLookup(clippings: IssueSource['clippings']): PageLookup {
  const pages = new Map<string, KnownPage>();
  for (const clipping of clippings) {
    if (clipping.url === '') continue;
    pages.set(urlMatchKey(clipping.url), { title: clipping.title, site: clipping.siteName });
  }
  return (href) => pages.get(urlMatchKey(href));
}

/** The preview follows the Markdown once typing pauses (see Preview). */
const PREVIEW_DELAY_MS = 150;

/** What the last button did; `refused` is a download held back for the article's problems. */
type Outcome = { tone: 'success' | 'error'; text: string; refused?: true } | null;

/** The generated issue: its Zenn title and Markdown, a preview, and ways to copy or download them. */
export function OutputPanel({ source, markdown, runs, title }: OutputPanelProps) {
  const state = useOptionsState();
  const { t, clipboard, download } = state.services;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { issue, settings } = source;
  // The problems read the title (rendered from `source`), the settings and the issue's number and date,
  // not its afterword: a key in あとがき, which gives a new source, does not check them again.
  const problems = useMemo(() => zennArticleProblems(source), [title, settings, issue.number, issue.date]);
  // The link cards' titles and sites, from the issue's own clippings (a new lookup only when they change).
  const pages = useMemo(() => pageLookup(source.clippings), [source.clippings]);
  // Once the problems are fixed, the refusal they caused is no longer news.
  const shown = outcome?.refused && problems.length === 0 ? null : outcome;

  const run = async (action: () => Promise<string>) => {
    try {
      setOutcome({ tone: 'success', text: await action() });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      setOutcome({ tone: 'error', text: t('copyFailed', detail) });
    }
  };
  const copyIssue = () =>
    run(async () => {
      // Loaded with the preview already, almost always: the copy waits for it only on a fresh page, and
      // copies the Markdown alone if it cannot be loaded.
      const html = await loadPreviewRenderer().then(
        (renderer) => renderer.renderPreviewHtml(markdown),
        () => null,
      );
      const how =
        html === null
          ? await clipboard.copyText(markdown).then(() => 'text')
          : await clipboard.copyRich({ text: markdown, html });
      return t(how === 'rich' ? 'copiedIssue' : 'copiedIssueTextOnly');
    });
  const copyTitle = () =>
    run(async () => {
      await clipboard.copyText(title);
      return t('copiedTitle');
    });
  const [pullRequest, setPullRequest] = useState<string | undefined>(undefined);
  const publishToRepo = () => {
    // Zenn would refuse the file as it would refuse a download: nothing is pushed until it is fixed.
    if (problems.length > 0) {
      setOutcome({ tone: 'error', text: t('articleNotDownloaded'), refused: true });
      return;
    }
    const file = zennArticleFile(source);
    const slug = file.filename.replace(/\.md$/, '');
    void publishToRepository(state, {
      path: `articles/${file.filename}`,
      text: file.content,
      slug,
      title,
    }).then((published) => setPullRequest(published?.pullRequest));
  };
  const downloadFile = () => {
    // Zenn would refuse the file (zenn-cli's validator): nothing is downloaded until it is fixed.
    if (problems.length > 0) {
      setOutcome({ tone: 'error', text: t('articleNotDownloaded'), refused: true });
      return;
    }
    void run(async () => {
      const file = zennArticleFile(source);
      download(file.filename, file.content);
      return t('downloaded', file.filename);
    });
  };

  return (
    <section class="output" aria-labelledby="output-heading">
      <h2 id="output-heading">{t('outputHeading')}</h2>
      <div class="field">
        <label for="issue-title">{t('articleTitle')}</label>
        <div class="inline">
          <input id="issue-title" data-testid="issue-title" readOnly value={title} />
          <button type="button" data-testid="issue-copy-title" onClick={() => void copyTitle()}>
            {t('copyTitle')}
          </button>
        </div>
      </div>
      <div class="actions output-actions">
        <button type="button" class="primary" data-testid="issue-copy" onClick={() => void copyIssue()}>
          {t('copyMarkdown')}
        </button>
        <button type="button" data-testid="issue-download" onClick={downloadFile}>
          {t('downloadArticle')}
        </button>
        {state.teamRemote.value && (
          <button
            type="button"
            data-testid="issue-team-sync"
            disabled={state.teamStatus.value.state === 'working'}
            onClick={() => void syncTeam(state)}
          >
            {t('teamSync')}
          </button>
        )}
        {state.teamRemote.value && (
          <button
            type="button"
            data-testid="issue-publish-repo"
            disabled={state.teamStatus.value.state === 'working'}
            onClick={publishToRepo}
          >
            {t('teamPublishRepo')}
          </button>
        )}
      </div>
      {state.teamRemote.value && (
        <p
          class="team-publish-status"
          data-testid="issue-publish-status"
          data-state={state.teamStatus.value.state}
          aria-live="polite"
        >
          {state.teamStatus.value.text}{' '}
          {pullRequest && (
            <a href={pullRequest} target="_blank" rel="noopener noreferrer" data-testid="issue-pull-request">
              {t('teamOpenPullRequest')}
            </a>
          )}
        </p>
      )}
      <ArticleProblems problems={problems} t={t} />
      <div aria-live="polite" data-testid="copy-status">
        {shown && <Notices notices={[shown]} />}
      </div>
      <div class="output-panes">
        <div class="field">
          <span class="label">{t('markdownHeading')}</span>
          <MarkdownText id="issue-markdown" runs={runs} />
        </div>
        <div class="preview-pane">
          <h3 class="pane-heading">{t('previewHeading')}</h3>
          <Preview
            markdown={markdown}
            delayMs={PREVIEW_DELAY_MS}
            unavailable={t('previewUnavailable')}
            pages={pages}
          />
        </div>
      </div>
    </section>
  );
}
