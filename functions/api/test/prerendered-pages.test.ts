import { describe, expect, it } from 'vitest';
import { prerenderedPageFor } from '../src/prerendered-pages.ts';

// The local server's mapping. In AWS, CloudFront's functions map the same addresses (infra/test/web.test.ts),
// except a detail, which goes to the API (infra/test/catalog-detail-page.test.ts).
describe('prerendered public pages', () => {
  it.each([
    ['/katalog', 'prerendered/katalog.html'],
    ['/katalog/', 'prerendered/katalog.html'],
    ['/katalog/35.22~01JDEMO00000000000000000000', 'prerendered/katalog-detail.html'],
    ['/katalog/35.22~01JDEMO00000000000000000000/', 'prerendered/katalog-detail.html'],
    ['/masuk', 'prerendered/masuk.html'],
    ['/katalog/a/b', undefined],
    ['/katalogus', undefined],
    ['/masuk/callback', undefined],
    ['/', undefined],
    ['/inovasi', undefined],
  ])('maps %s to %s', (path, file) => {
    expect(prerenderedPageFor(path)).toBe(file);
  });

  it('serves the demo mode its own sign-in page, with the demo directory from the first paint', () => {
    expect(prerenderedPageFor('/masuk', { demo: true })).toBe('prerendered/masuk-demo.html');
    expect(prerenderedPageFor('/katalog', { demo: true })).toBe('prerendered/katalog.html');
  });
});
