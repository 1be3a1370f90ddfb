'use strict';

/*
 * fast-text-encoding (pulled in by LightningFS through isomorphic-textencoder) polyfills TextEncoder
 * for old Edge. It finds its global as `window`, then `global`, then `this`: in a module service worker
 * all three are undefined, so it throws while the background starts and the worker never runs. Every
 * browser this extension targets has TextEncoder and TextDecoder, so the polyfill has nothing to do.
 */
module.exports = {};
