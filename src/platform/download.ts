/** Object URLs, as `URL.createObjectURL` / `URL.revokeObjectURL`; tests pass a plain object. */
export interface ObjectUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

const browserObjectUrls: ObjectUrls = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

/**
 * How long the object URL outlives the click. The download reads the blob after click() returns, and
 * revoking at once has failed in some browsers; FileSaver.js waits 40 s for the same reason
 * (https://github.com/eligrey/FileSaver.js/blob/master/src/FileSaver.js).
 */
export const REVOKE_DELAY_MS = 40_000;

/**
 * Saves text as a file through a temporary `<a download>`: no `downloads` permission, and the browser's
 * own save behaviour (Downloads folder, or a prompt if the user asked for one).
 */
export function downloadTextFile(
  filename: string,
  content: string,
  mime = 'text/markdown',
  doc: Document = document,
  objectUrls: ObjectUrls = browserObjectUrls,
): void {
  const type = /;\s*charset=/i.test(mime) ? mime : `${mime};charset=utf-8`;
  const url = objectUrls.create(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => objectUrls.revoke(url), REVOKE_DELAY_MS);
  }
}
