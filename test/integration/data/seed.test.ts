import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officialAreas } from '@inovasi/app/areas';
import { repositoriesFor, ScopedClientFactory, tenantScope } from '@inovasi/data';
import { DEMO_TENANTS, seedDemoData, startLocalStack } from '@inovasi/local';
import { describe, expect, it } from 'vitest';

async function countInnovations(data: ScopedClientFactory): Promise<number> {
  let total = 0;
  for (const code of DEMO_TENANTS) {
    total += (await repositoriesFor(data.forScope(tenantScope(code))).innovations.listForPeriod(2026)).length;
  }
  return total;
}

describe('the embedded default’s demo data', () => {
  it('is seeded into an empty store once, and kept as it is across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inovasi-restart-'));
    try {
      const first = await startLocalStack({ dataDir });
      const seeded = await seedDemoData(new ScopedClientFactory(first.config), officialAreas());
      const before = await countInnovations(new ScopedClientFactory(first.config));
      await first.stop();

      const second = await startLocalStack({ dataDir });
      const data = new ScopedClientFactory(second.config);
      const again = await seedDemoData(data, officialAreas());
      const after = await countInnovations(data);
      await second.stop();

      expect(seeded).toBe(true);
      expect(again).toBe(false);
      expect(before).toBeGreaterThan(20);
      expect(after).toBe(before);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
