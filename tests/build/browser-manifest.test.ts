import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { GECKO_ID, manifestFor } from '../../scripts/browser-manifest';

describe('manifestFor: one manifest source, each browser its own', () => {
  it('gives Chrome manifest.json as written', () => {
    expect(manifestFor('chrome', manifest)).toBe(manifest);
  });

  it("gives Firefox a fixed id, Firefox 140 as its floor, no data collection unless a team repository is connected, without Chrome's fields", () => {
    const firefox = manifestFor('firefox', manifest) as Record<string, unknown>;
    expect(firefox.browser_specific_settings).toStrictEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Asked for at 「接続」 only: the clippings and the token, to the team's own repository.
        data_collection_permissions: {
          required: ['none'],
          optional: ['websiteContent', 'authenticationInfo'],
        },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    // The background and the permissions differ (next tests); every other field is passed through.
    const { minimum_chrome_version: _chrome, background: _background, permissions: _p, ...shared } = manifest;
    expect(firefox).toMatchObject(shared);
  });

  it('asks Firefox for every permission but the ones only Chrome has (favicon)', () => {
    expect(manifest.permissions).toContain('favicon');
    const firefox = manifestFor('firefox', manifest);
    expect(firefox.permissions).toStrictEqual(manifest.permissions.filter((name) => name !== 'favicon'));
  });

  it('turns a service worker into a background script on Firefox', () => {
    const source = { ...manifest, background: { service_worker: 'src/background/main.ts', type: 'module' } };
    expect(manifestFor('firefox', source).background).toStrictEqual({
      scripts: ['src/background/main.ts'],
      type: 'module',
    });
    expect(manifestFor('chrome', source).background).toStrictEqual(source.background);
  });

  it('leaves the source untouched', () => {
    const before = JSON.stringify(manifest);
    manifestFor('firefox', manifest);
    expect(JSON.stringify(manifest)).toBe(before);
  });
});
