import type { AreaDirectory } from '@inovasi/app/areas';
import type { Actor, Member, Role } from '@inovasi/core';
import {
  memberAdminScope,
  onboardingScope,
  platformAdminScope,
  platformRepositoryFor,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';
import {
  DEMO_INNOVATIONS,
  DEMO_LEADERS,
  DEMO_OPDS,
  DEMO_TENANTS,
  demoEmail,
  PLATFORM_ADMIN_EMAIL,
} from './demo-data.ts';
import { seedDemoScoring } from './demo-scoring.ts';
import { seedDemoCatalog } from './seed-catalog.ts';
import { seedDemoEvidence } from './seed-evidence.ts';
import { seedDemoOversight } from './seed-oversight.ts';
import { once } from './seed-steps.ts';
import { seedDemoUnits } from './seed-units.ts';

const SEED_NAME = 'demo-v1';
const SEEDED_AT = '2026-01-05T08:00:00.000Z';

const compact = (tenantCode: string) => tenantCode.replace('.', '');

/**
 * Seeds the demo regions through the same repositories the API uses. A marker written last makes
 * a restart skip the seed; fixed ids make an interrupted seed safe to run again.
 */
export async function seedDemoData(data: ScopedClientFactory, areas: AreaDirectory): Promise<boolean> {
  const registry = platformRepositoryFor(data.forScope(platformAdminScope));
  if (await registry.hasSeed(SEED_NAME)) {
    // A store seeded before the public catalogue existed gets its demo entries on its next start.
    await seedDemoCatalog(data, areas);
    await seedDemoEvidence(data);
    await seedDemoLeaders(data);
    await seedDemoUnits(data);
    // Official past results once; summaries rebuilt from source (derived data) on every start.
    await seedDemoOversight(data);
    return false;
  }

  const platformAdmin: Member = {
    id: 'u-platform-admin',
    email: PLATFORM_ADMIN_EMAIL,
    name: 'Admin Platform',
    roles: ['platform_admin'],
    version: 1,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  };
  await once(() => registry.createAdmin(platformAdmin));

  for (const code of DEMO_TENANTS) {
    const area = await areas.find(code);
    if (!area) throw new Error(`demo tenant ${code} is not in the official area list`);
    await once(() => platformRepositoryFor(data.forScope(onboardingScope(code))).onboard(area, SEEDED_AT));

    const { opds, innovations } = repositoriesFor(data.forScope(tenantScope(code)));
    for (const opd of DEMO_OPDS) {
      await once(() => opds.create({ name: opd.name, kind: opd.kind }, SEEDED_AT, `opd-${opd.key}`));
    }

    const { members } = repositoriesFor(data.forScope(memberAdminScope(code)));
    const tag = compact(code);
    const adminRoles: Role[] = code.includes('.') ? ['tenant_admin'] : ['tenant_admin', 'province_viewer'];
    const people: { id: string; email: string; name: string; roles: Role[]; opdId?: string }[] = [
      {
        id: `u-${tag}-admin`,
        email: demoEmail('admin', code),
        name: `Admin Bappeda ${area.name}`,
        roles: adminRoles,
      },
      {
        id: `u-${tag}-verifikator`,
        email: demoEmail('verifikator', code),
        name: `Verifikator ${area.name}`,
        roles: ['verifier'],
      },
      {
        id: `u-${tag}-opd1`,
        email: demoEmail('opd1', code),
        name: `Operator ${DEMO_OPDS[0]?.name}`,
        roles: ['opd_operator'],
        opdId: `opd-${DEMO_OPDS[0]?.key}`,
      },
      {
        id: `u-${tag}-opd2`,
        email: demoEmail('opd2', code),
        name: `Operator ${DEMO_OPDS[1]?.name}`,
        roles: ['opd_operator'],
        opdId: `opd-${DEMO_OPDS[1]?.key}`,
      },
    ];
    for (const { id, ...input } of people) {
      await once(() => members.invite(input, { now: SEEDED_AT, id }));
    }

    const author: Actor = {
      userId: `u-${tag}-admin`,
      email: demoEmail('admin', code),
      tenantCode: code,
      roles: ['tenant_admin'],
    };
    for (const [index, entry] of DEMO_INNOVATIONS[code].entries()) {
      await innovations.create(
        { opdId: `opd-${entry.opd}`, periodYear: 2026, profile: entry.profile },
        author,
        `seed-${SEED_NAME}-${tag}-${index}`,
        SEEDED_AT,
      );
    }
    await seedDemoScoring(data, code, author, `u-${tag}-verifikator`, SEEDED_AT);
  }
  await registry.markSeeded(SEED_NAME);
  await seedDemoLeaders(data);
  await seedDemoUnits(data);
  await seedDemoCatalog(data, areas);
  await seedDemoEvidence(data);
  await seedDemoOversight(data);
  return true;
}

/**
 * The leaders came after the first seed: a store seeded before them gets them on its next start,
 * and the fixed ids make this a no-op afterwards.
 */
async function seedDemoLeaders(data: ScopedClientFactory): Promise<void> {
  for (const { tenantCode, name } of DEMO_LEADERS) {
    const { members } = repositoriesFor(data.forScope(memberAdminScope(tenantCode)));
    const input = { email: demoEmail('pimpinan', tenantCode), name, roles: ['pimpinan'] as Role[] };
    await once(() => members.invite(input, { now: SEEDED_AT, id: `u-${compact(tenantCode)}-pimpinan` }));
  }
}
