import { Buffer } from 'buffer';

/**
 * isomorphic-git and its SHA-1 code use Node's `Buffer` as a global; extension pages have none. Set
 * before they are evaluated: this module is the team chunk's first import (team-sync.ts).
 */
const scope = globalThis as { Buffer?: typeof Buffer };
scope.Buffer ??= Buffer;
