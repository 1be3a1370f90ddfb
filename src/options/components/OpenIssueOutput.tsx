import { useOptionsState } from '../state';
import { OutputPanel } from './OutputPanel';

/**
 * The open issue's output, reading its Markdown, runs and title from the store itself: a key in あとがき
 * renders this panel again, not the issue view around it with its hundreds of cards and options.
 */
export function OpenIssueOutput() {
  const state = useOptionsState();
  const source = state.openSource.value;
  if (!source) return null;
  return (
    <OutputPanel
      source={source}
      markdown={state.openMarkdown.value}
      runs={state.openBlockRuns.value}
      title={state.openTitle.value}
    />
  );
}
