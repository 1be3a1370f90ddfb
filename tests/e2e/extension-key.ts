import { createHash, generateKeyPairSync } from 'node:crypto';

export interface ExtensionKey {
  /** DER-encoded SubjectPublicKeyInfo of the public key. */
  der: Buffer;
  /** The manifest's `key`: the DER public key in base64. */
  manifestKey: string;
}

/** A fresh RSA key for the manifest's `key` field, made at run time so no private key is kept in the repo. */
export function generateExtensionKey(): ExtensionKey {
  const { publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { der: publicKey, manifestKey: publicKey.toString('base64') };
}

/**
 * The id Chromium gives an extension with this public key: the first 128 bits of SHA-256 of the DER key,
 * in hex with the digits 0-f written as the letters a-p
 * (https://source.chromium.org/chromium/chromium/src/+/main:components/crx_file/id_util.cc).
 */
export function extensionIdFromKey(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex]
    .map((digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16)))
    .join('');
}
