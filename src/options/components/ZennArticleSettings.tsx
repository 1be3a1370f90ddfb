import { articleSlug } from '../../core/render/zenn-article';
import type { ZennType } from '../../core/settings';
import { updateSettings } from '../settings-actions';
import { useOptionsState } from '../state';
import { SyncedField } from './SyncedField';

const ZENN_TYPES = [
  { type: 'tech', label: 'settingZennTypeTech' },
  { type: 'idea', label: 'settingZennTypeIdea' },
] as const satisfies readonly { type: ZennType; label: string }[];

const topicsOf = (value: string): string[] => value.split(/[,、\s]+/).filter(Boolean);

/**
 * The Zenn article file's front matter and name: emoji, topics, type, Publication and slug pattern.
 * Zenn's own rules for them are checked where the file is downloaded (OutputPanel), against the issue.
 */
export function ZennArticleSettings() {
  const state = useOptionsState();
  const { t } = state.services;
  const settings = state.settings.value;
  const issue = state.openIssue.value;
  return (
    <>
      <SyncedField
        id="setting-emoji"
        label={t('settingEmoji')}
        stored={settings.emoji}
        save={(emoji, basis, refuse) =>
          void updateSettings(state, { emoji }, { read: (s) => s.emoji, basis, refuse })
        }
      />
      <SyncedField
        id="setting-topics"
        label={t('settingTopics')}
        stored={settings.topics.join(', ')}
        formOf={(value) => topicsOf(value).join(', ')}
        save={(form, basis, refuse) =>
          void updateSettings(
            state,
            { topics: topicsOf(form) },
            { read: (s) => s.topics.join(', '), basis, refuse },
          )
        }
      />
      <div class="field">
        <label for="setting-zenn-type">{t('settingZennType')}</label>
        <select
          id="setting-zenn-type"
          data-testid="setting-zenn-type"
          value={settings.zennType}
          onChange={(event) =>
            void updateSettings(state, { zennType: event.currentTarget.value as ZennType })
          }
        >
          {ZENN_TYPES.map(({ type, label }) => (
            <option key={type} value={type}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      <SyncedField
        id="setting-publication-name"
        label={t('settingPublicationName')}
        help={t('settingPublicationNameHelp')}
        stored={settings.publicationName}
        save={(publicationName, basis, refuse) =>
          void updateSettings(state, { publicationName }, { read: (s) => s.publicationName, basis, refuse })
        }
      />
      <SyncedField
        id="setting-slug-pattern"
        label={t('settingSlugPattern')}
        help={t('settingSlugPatternHelp')}
        stored={settings.slugPattern}
        save={(slugPattern, basis, refuse) =>
          void updateSettings(state, { slugPattern }, { read: (s) => s.slugPattern, basis, refuse })
        }
      >
        {/* The slug as the open issue's file gets it, following the pattern as it is typed. */}
        {(field) =>
          issue && (
            <p class="hint" data-testid="setting-slug-example">
              {t(
                'settingSlugExample',
                `${articleSlug({ name: settings.name, slugPattern: field.value }, issue)}.md`,
              )}
            </p>
          )
        }
      </SyncedField>
    </>
  );
}
