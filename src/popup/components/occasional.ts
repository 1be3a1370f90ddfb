/**
 * What few popups show, in a chunk of its own that state.ts loads when one is needed (issue 8: the
 * popup's start-up carries only what every popup draws): the panel of a page that went out in a
 * published issue, and the question asked when a field was changed both here and elsewhere.
 */
export { ConflictPrompt } from './ConflictPrompt';
export { PublishedPanel } from './PublishedPanel';
