import { cleanup } from '@testing-library/preact';
import type { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { OFFLINE } from '../support/offline-dom';

// The components environment's own window: the same offline settings as every window the tests make.
const { happyDOM } = window as unknown as Window;
Object.assign(happyDOM.settings, OFFLINE, {
  navigation: { ...happyDOM.settings.navigation, ...OFFLINE.navigation },
  fetch: { ...happyDOM.settings.fetch, ...OFFLINE.fetch },
});

afterEach(() => cleanup());
