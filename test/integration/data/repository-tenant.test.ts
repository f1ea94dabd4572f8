import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  CatalogReader,
  catalogReaderScope,
  keys,
  provinceOversightScope,
  repositoriesFor,
  type TenantClients,
  TenantGuardError,
  tenantOf,
  tenantScope,
} from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

// A repository takes its tenant from its scoped clients and from nowhere else (docs/decisions/0048).
let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
});

const BOJONEGORO = '35.22';
const MAGETAN = '35.20';
const clientsOf = (code: string) => env.data.forScope(tenantScope(code));
const opdNames = async (code: string) =>
  (await repositoriesFor(clientsOf(code)).opds.list()).map((opd) => opd.name);
const storedOpd = async (code: string, id: string) =>
  (
    await clientsOf(code).table.send(
      new GetCommand({ TableName: env.config.tableName, Key: keys.opd(code, id) }),
    )
  ).Item;

describe('a repository and the tenant of its clients', () => {
  it('reads and writes exactly the tenant its clients were issued for', async () => {
    const clients = clientsOf(BOJONEGORO);
    expect(clients.tenantCode).toBe(BOJONEGORO);
    expect(tenantOf(clients)).toBe(BOJONEGORO);
    const created = await repositoriesFor(clients).opds.create({ name: 'Dinas Satu Jalan', kind: 'dinas' });
    expect((await storedOpd(BOJONEGORO, created.id))?.name).toBe('Dinas Satu Jalan');
    expect(await opdNames(BOJONEGORO)).toContain('Dinas Satu Jalan');
    expect(await opdNames(MAGETAN)).not.toContain('Dinas Satu Jalan');
    expect(await storedOpd(MAGETAN, created.id)).toBeUndefined();
  });

  it('has no argument through which another tenant could be named', async () => {
    const clients = clientsOf(BOJONEGORO);
    // The compiler refuses a tenant beside the clients (`tsc` checks these lines stay errors); a
    // caller that slips one past it still reaches only the clients' tenant.
    // @ts-expect-error the options of the bundle are the audit context and the evidence limits, not a tenant
    const stray = repositoriesFor(clients, { tenantCode: MAGETAN });
    expect((await stray.profile.get())?.code).toBe(BOJONEGORO);
    expect((await stray.opds.list()).map((opd) => opd.name)).toEqual(await opdNames(BOJONEGORO));
    // @ts-expect-error the public catalogue's clients belong to no tenant: no tenant repository is built on them
    await expect(repositoriesFor(env.data.forScope(catalogReaderScope)).summaries.years()).rejects.toThrow(
      TenantGuardError,
    );
  });

  it('refuses clients forged to claim another tenant, before any request, and writes nothing there', async () => {
    const forged: TenantClients = { ...clientsOf(BOJONEGORO), tenantCode: MAGETAN };
    const { opds } = repositoriesFor(forged);
    await expect(opds.list()).rejects.toThrow(TenantGuardError);
    await expect(opds.create({ name: 'Dinas Salah Alamat', kind: 'dinas' })).rejects.toThrow(
      TenantGuardError,
    );
    // Even with a matching scope object: only clients a factory issued carry a tenant.
    const withScope: TenantClients = { ...forged, scope: tenantScope(MAGETAN) };
    await expect(repositoriesFor(withScope).innovations.list({ limit: 5 })).rejects.toThrow(TenantGuardError);
    expect(await opdNames(MAGETAN)).not.toContain('Dinas Salah Alamat');
    expect(await opdNames(BOJONEGORO)).not.toContain('Dinas Salah Alamat');
  });

  it('keeps issued clients as they were issued', () => {
    const clients = clientsOf(BOJONEGORO);
    expect(Object.isFrozen(clients)).toBe(true);
    expect(() => {
      (clients as { tenantCode: string }).tenantCode = MAGETAN;
    }).toThrow(TypeError);
    expect(tenantOf(clients)).toBe(BOJONEGORO);
  });

  it('gives every repository of one bundle the same tenant, the clients’ own', async () => {
    const repositories = repositoriesFor(clientsOf(MAGETAN));
    expect((await repositories.profile.get())?.code).toBe(MAGETAN);
    const names = (await repositories.opds.list()).map((opd) => opd.name);
    expect(names).toEqual(await opdNames(MAGETAN));
  });

  it('represents a province overseeing a regency as the regency’s oversight scope, read-only and narrow', async () => {
    const oversight = env.data.forScope(provinceOversightScope(BOJONEGORO));
    expect(oversight.tenantCode).toBe(BOJONEGORO);
    const repositories = repositoriesFor(oversight);
    expect((await repositories.profile.get())?.code).toBe(BOJONEGORO);
    await expect(repositories.opds.list()).rejects.toThrow(TenantGuardError);
    await expect(repositories.opds.create({ name: 'Dinas Provinsi', kind: 'dinas' })).rejects.toThrow(
      TenantGuardError,
    );
    expect(await opdNames(BOJONEGORO)).not.toContain('Dinas Provinsi');
  });

  it('keeps the shared catalogue partition reachable through a scope of no tenant', async () => {
    const catalog = env.data.forScope(catalogReaderScope);
    expect(catalog.tenantCode).toBeUndefined();
    expect((await new CatalogReader(catalog).meta()).sequence).toBeGreaterThanOrEqual(0);
  });
});
