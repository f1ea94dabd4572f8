import { describe, expect, it } from 'vitest';
import { cachedDetailShell } from '../src/detail-shell-source.ts';

const SHELL =
  '<html><head><title>x</title><script type="application/json" id="inovasi-detail-labels">{"app.name":"Inovasi Daerah"}</script></head>' +
  '<body><div data-catalog-detail ><p>Memuat…</p></div></body></html>';

/** The Lambda reads the detail shell from the web bucket once per interval, not per request. */
describe('cachedDetailShell', () => {
  it('reads once for concurrent and later requests until the interval has passed', async () => {
    // Prepare
    let reads = 0;
    let clock = 0;
    const shell = cachedDetailShell(
      async () => {
        reads += 1;
        return SHELL;
      },
      1_000,
      () => clock,
    );
    // Act
    const [first, second] = await Promise.all([shell(), shell()]);
    clock = 999;
    await shell();
    const readsWithin = reads;
    clock = 1_000;
    await shell();
    // Assess
    expect(first?.labels).toEqual({ 'app.name': 'Inovasi Daerah' });
    expect(first?.html).not.toContain('inovasi-detail-labels');
    expect(second).toBe(first);
    expect(readsWithin).toBe(1);
    expect(reads).toBe(2);
  });

  it('keeps no failed read: the next request tries again', async () => {
    // Prepare
    let reads = 0;
    const shell = cachedDetailShell(async () => {
      reads += 1;
      if (reads === 1) throw new Error('S3 unreachable');
      return SHELL;
    });
    // Act, Assess
    await expect(shell()).rejects.toThrow('S3 unreachable');
    expect((await shell())?.labels['app.name']).toBe('Inovasi Daerah');
    expect(reads).toBe(2);
  });

  it('gives no shell for a missing object or a build older than the labels block', async () => {
    expect(await cachedDetailShell(async () => undefined)()).toBeUndefined();
    expect(
      await cachedDetailShell(async () => '<html><body><div id="root"></div></body></html>')(),
    ).toBeUndefined();
  });
});
