import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InnovationProfile } from '../src/api/model.ts';
import { KEEP_LIMIT_BYTES, roomFor } from '../src/features/evidence/keptFiles.ts';
import { applyPatch, isLocalId, newLocalId } from '../src/features/innovations/offlineCreate.ts';

const MIB = 1024 * 1024;

describe('an innovation created offline (docs/decisions/0049)', () => {
  it('has a local id no server id can be mistaken for', () => {
    const id = newLocalId();
    expect(isLocalId(id)).toBe(true);
    expect(id).not.toBe(newLocalId());
    expect(isLocalId('01JBZQ4Y8P0000000000000000')).toBe(false);
    expect(isLocalId(undefined)).toBe(false);
  });

  it('shows a profile edit kept since over the kept create: null clears, a value replaces', () => {
    const kept = { name: 'Posyandu', tujuan: 'Dekat', manfaat: 'Cepat' } as unknown as InnovationProfile;
    const shown = applyPatch(kept, { name: 'Posyandu Keliling', manfaat: null, tujuan: undefined });
    expect(shown).toEqual({ name: 'Posyandu Keliling', tujuan: 'Dekat' });
    expect(kept).toEqual({ name: 'Posyandu', tujuan: 'Dekat', manfaat: 'Cepat' });
  });
});

describe('whether an upload file is kept on the device (docs/decisions/0049)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const withStorage = (quota: number, usage: number) =>
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota, usage }) } });

  it('keeps files up to the 200 MB evidence cap when the quota leaves room and a margin', async () => {
    withStorage(2000 * MIB, 100 * MIB);
    expect(KEEP_LIMIT_BYTES).toBe(200 * MIB);
    expect(await roomFor(150 * MIB)).toEqual({ kept: true });
    expect(await roomFor(200 * MIB)).toEqual({ kept: true });
    expect(await roomFor(200 * MIB + 1)).toEqual({ kept: false, reason: 'too_large', size: 200 * MIB + 1 });
  });

  it('says how much room there was when the quota is too small', async () => {
    withStorage(1000 * MIB, 900 * MIB);
    expect(await roomFor(60 * MIB)).toEqual({
      kept: false,
      reason: 'no_room',
      size: 60 * MIB,
      free: 100 * MIB,
    });
    expect(await roomFor(40 * MIB)).toEqual({ kept: true });
  });

  it('keeps nothing in a browser without the storage API', async () => {
    vi.stubGlobal('navigator', {});
    expect(await roomFor(MIB)).toEqual({ kept: false, reason: 'no_storage_api', size: MIB });
  });
});
