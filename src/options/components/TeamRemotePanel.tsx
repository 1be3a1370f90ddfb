import { useState } from 'preact/hooks';
import { DEFAULT_SYNC_BRANCH } from '../../core/team-remote';
import { useOptionsState } from '../state';
import { cancelTeamSync, connectTeam, disconnectTeam, syncTeam } from '../team-actions';

/**
 * The team's git repository (issue 11): connect with its https URL, an access token and the sync
 * branch; then 「同期」 pushes this member's file and pulls everyone's. The status line says what is
 * happening and when the last sync went through (`team-sync-status`, `data-state`).
 */
export function TeamRemotePanel() {
  const state = useOptionsState();
  const { t } = state.services;
  const remote = state.teamRemote.value;
  const status = state.teamStatus.value;
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [branch, setBranch] = useState(DEFAULT_SYNC_BRANCH);
  const working = status.state === 'working';
  return (
    <section aria-labelledby="team-remote-heading" class="team-remote">
      <h3 id="team-remote-heading">{t('teamRemoteHeading')}</h3>
      <p class="hint">{t('teamRemoteHint')}</p>
      {remote ? (
        <>
          <p data-testid="team-remote-connected">{t('teamConnectedTo', [remote.url, remote.branch])}</p>
          <div class="actions start">
            <button
              type="button"
              class="primary"
              data-testid="team-sync"
              disabled={working}
              onClick={() => void syncTeam(state)}
            >
              {t('teamSync')}
            </button>
            {working && (
              <button type="button" data-testid="team-cancel" onClick={cancelTeamSync}>
                {t('teamCancel')}
              </button>
            )}
            <button
              type="button"
              data-testid="team-disconnect"
              disabled={working}
              onClick={() => void disconnectTeam(state)}
            >
              {t('teamDisconnect')}
            </button>
          </div>
        </>
      ) : (
        <form
          class="team-remote-form"
          onSubmit={(event) => {
            event.preventDefault();
            // Called in the submit's own task: the host permission is asked for before any await.
            void connectTeam(state, { url, token, branch });
          }}
        >
          <div class="field">
            <label for="team-remote-url">{t('teamRemoteUrl')}</label>
            <input
              id="team-remote-url"
              data-testid="team-remote-url"
              type="text"
              inputMode="url"
              autocomplete="off"
              spellcheck={false}
              placeholder="https://github.com/your-team/weekly.git"
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="team-remote-token">{t('teamRemoteToken')}</label>
            <input
              id="team-remote-token"
              data-testid="team-remote-token"
              type="password"
              autocomplete="off"
              aria-describedby="team-remote-token-help"
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
            />
            <p id="team-remote-token-help" class="hint">
              {t('teamRemoteTokenHelp')}
            </p>
          </div>
          <div class="field">
            <label for="team-remote-branch">{t('teamRemoteBranch')}</label>
            <input
              id="team-remote-branch"
              data-testid="team-remote-branch"
              type="text"
              autocomplete="off"
              spellcheck={false}
              value={branch}
              onInput={(event) => setBranch(event.currentTarget.value)}
            />
          </div>
          <div class="actions start">
            <button type="submit" class="primary" data-testid="team-connect" disabled={working}>
              {t('teamConnect')}
            </button>
          </div>
        </form>
      )}
      <p
        class={`team-sync-status team-sync-${status.state}`}
        data-testid="team-sync-status"
        data-state={status.state}
        role="status"
      >
        {status.text}
      </p>
    </section>
  );
}
