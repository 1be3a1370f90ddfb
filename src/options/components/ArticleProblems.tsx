import type { Translate } from '../../core/messages';
import {
  ZENN_TITLE_MAX,
  ZENN_TOPIC_LENGTH_MAX,
  ZENN_TOPICS_MAX,
  type ZennProblem,
} from '../../core/render/zenn-article';

export interface ArticleProblemsProps {
  problems: readonly ZennProblem[];
  t: Translate;
}

/** One problem as the member reads it, saying what to change and where. */
export function problemText(problem: ZennProblem, t: Translate): string {
  switch (problem.code) {
    case 'titleTooLong':
      return t('zennProblemTitleTooLong', [String(problem.length), String(ZENN_TITLE_MAX)]);
    case 'emojiNotOne':
      return t('zennProblemEmojiNotOne');
    case 'tooManyTopics':
      return t('zennProblemTooManyTopics', [String(ZENN_TOPICS_MAX), String(problem.count)]);
    case 'topicTooLong':
      return t('zennProblemTopicTooLong', [problem.topic, String(ZENN_TOPIC_LENGTH_MAX)]);
    case 'topicSymbols':
      return t('zennProblemTopicSymbols', problem.topic);
    case 'publicationName':
      return t('zennProblemPublicationName', problem.name);
    case 'slug':
      return t('zennProblemSlug', problem.slug);
  }
}

/**
 * What keeps Zenn from accepting the article file (zennArticleProblems), while there is anything: the
 * download is refused until the list is empty, so it is shown before anyone clicks.
 */
export function ArticleProblems({ problems, t }: ArticleProblemsProps) {
  if (problems.length === 0) return null;
  // A topic written twice is one thing to fix.
  const texts = [...new Set(problems.map((problem) => problemText(problem, t)))];
  return (
    <div class="notice notice-error article-problems" role="alert" data-testid="article-problems">
      <p>{t('zennProblemsHeading')}</p>
      <ul>
        {texts.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
