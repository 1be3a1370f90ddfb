/**
 * Runs `body` with the process in another IANA time zone, then puts the old one back. Node re-reads
 * `process.env.TZ` whenever it is assigned (https://nodejs.org/api/cli.html#tz), so dates made inside
 * the body use that zone's wall clock. The old zone comes back even when the body throws.
 */
export function withTimeZone<T>(timeZone: string, body: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return body();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/** Zones with daylight saving in both hemispheres, half-hour steps, and one that once skipped a whole day. */
export const TIME_ZONES = [
  'UTC',
  'Asia/Tokyo',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
] as const;

/** `withTimeZone` for a body that awaits: the old zone comes back only once the body has settled. */
export async function withTimeZoneAsync<T>(timeZone: string, body: () => Promise<T>): Promise<T> {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return await body();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}
