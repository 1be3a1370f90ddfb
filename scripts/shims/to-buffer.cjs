'use strict';

/*
 * to-buffer (used by sha.js, which isomorphic-git hashes with) without its dependency tree: the real
 * one reaches get-intrinsic and function-bind, which hold `eval` and the Function constructor that an
 * extension's pages may not use (and Firefox's add-on linter refuses). Every browser this extension
 * targets has ArrayBuffer.isView, so those packages only ever served older engines. Same results:
 * a Buffer as is, a string in its encoding, any typed array or DataView by its bytes.
 */
var Buffer = require('buffer').Buffer;

module.exports = function toBuffer(data, encoding) {
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (ArrayBuffer.isView(data)) {
    if (data.byteLength === 0) return Buffer.alloc(0);
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  if (Array.isArray(data)) return Buffer.from(data);
  throw new TypeError(
    'The "data" argument must be a string, an Array, a Buffer, a Uint8Array, or a DataView.',
  );
};
