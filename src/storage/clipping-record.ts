import type { Clipping } from '../core/clipping';
import { urlMatchKey } from '../core/url';
import type { ClippingRecordV2 } from './schema';

// Apart from clippings.ts so that the popup's storage (commit-clip.ts, popup-start.ts) needs no more.

export function toClippingRecord(clipping: Clipping): ClippingRecordV2 {
  return { ...clipping, urlKey: urlMatchKey(clipping.url) };
}

/** The domain clipping of a stored record (the lookup key is storage's own business). */
export function toClipping(record: ClippingRecordV2): Clipping {
  const { urlKey: _, ...clipping } = record;
  return clipping;
}
