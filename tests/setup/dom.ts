import { cleanup } from '@testing-library/preact';
import type { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { NO_NETWORK } from '../support/offline-dom';

// The components environment's own window never reaches the network. Script evaluation is left as the
// test file sets it: Preview.test.tsx turns it on to catch a note that became a running script.
const { happyDOM } = window as unknown as Window;
Object.assign(happyDOM.settings, NO_NETWORK, {
  navigation: { ...happyDOM.settings.navigation, ...NO_NETWORK.navigation },
  fetch: { ...happyDOM.settings.fetch, ...NO_NETWORK.fetch },
});

afterEach(() => cleanup());
