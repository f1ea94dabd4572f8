import { describe, expect, it } from 'vitest';
import { evidenceKeys, keys, resultKeys, summaryKeys } from '../src/keys.ts';
import { innovationOfItem, summaryChangeOf } from '../src/summary-changes.ts';

const change = (key: { pk: string; sk: string }, periodYears: number[] = []) =>
  summaryChangeOf({ ...key, periodYears });

describe('which summaries a changed item moves', () => {
  it('names the periods an innovation was in before and after', () => {
    expect(change(keys.innovation('35.22', 'i1'), [2026, 2027, 2026])).toEqual({
      tenantCode: '35.22',
      years: { kind: 'years', years: [2026, 2027] },
    });
  });

  it('names the year of a period and of its SPD answers', () => {
    expect(change(keys.period('35', 2026))?.years).toEqual({ kind: 'years', years: [2026] });
    expect(change(keys.spdAnswers('35', 2026))?.years).toEqual({ kind: 'years', years: [2026] });
    expect(
      change(evidenceKeys.link('35.22', 'e1', { type: 'spd', year: 2025, row: 'spd.1' }))?.years,
    ).toEqual({ kind: 'years', years: [2025] });
  });

  it('asks for every tracked year when an official result changes', () => {
    expect(change(resultKeys.result('35.22', 2024))?.years).toEqual({ kind: 'tracked' });
  });

  it('asks for the live years for OPDs, members, settings, profile, evidence and replication markers', () => {
    for (const key of [
      keys.opd('35.22', 'o1'),
      keys.member('35.22', 'u1'),
      keys.tenantSettings('35.22'),
      keys.tenantProfile('35.22'),
      evidenceKeys.item('35.22', 'e1'),
      evidenceKeys.link('35.22', 'e1', { type: 'innovation', innovationId: 'i1', indicator: 'sid.16' }),
      keys.replicaMarker('35.22', 'i1', '35.16'),
    ]) {
      expect(change(key), key.pk + key.sk).toEqual({ tenantCode: '35.22', years: { kind: 'live' } });
    }
  });

  it('ignores an evidence item that supports no target before or after the change', () => {
    const item = evidenceKeys.item('35.22', 'e1');
    expect(summaryChangeOf({ ...item, periodYears: [], linked: false })).toBeUndefined();
    // Linked before or after (counted in either image), or not known: the live years.
    expect(summaryChangeOf({ ...item, periodYears: [], linked: true })?.years).toEqual({ kind: 'live' });
    expect(summaryChangeOf({ ...item, periodYears: [] })?.years).toEqual({ kind: 'live' });
    // A link item always moves its target's years, whatever the flag says.
    const link = evidenceKeys.link('35.22', 'e1', {
      type: 'innovation',
      innovationId: 'i1',
      indicator: 'sid.16',
    });
    expect(summaryChangeOf({ ...link, periodYears: [], linked: false })?.years).toEqual({ kind: 'live' });
  });

  it('ignores the read models themselves, audit, notifications, idempotency keys and non-tenant items', () => {
    for (const key of [
      summaryKeys.current('35.22', 2026),
      summaryKeys.provinceRow('35', 2026, '35.22'),
      summaryKeys.nationalRow(2026, '35.22'),
      keys.idempotency('35.22', 'scope', 'k'),
      keys.memberEmail('35.22', 'a@b.c'),
      keys.notification('35.22', 'u1', '2026-01-01', 'n1'),
      keys.outbox('35.22', '2026-01-01', 'm1'),
      evidenceKeys.usage('35.22'),
      keys.platformTenant('35.22'),
      keys.catalogEntry('35.22', 'i1'),
      keys.login('a@b.c'),
    ]) {
      expect(change(key), key.pk + key.sk).toBeUndefined();
    }
  });
});

describe('which innovation a changed item is (the catalogue projection follows it)', () => {
  it('names the region and innovation of an innovation item, and nothing else', () => {
    expect(innovationOfItem(keys.innovation('35.22', '01ABC'))).toEqual({
      tenantCode: '35.22',
      innovationId: '01ABC',
    });
    for (const key of [
      keys.catalogEntry('35.22', '01ABC'),
      evidenceKeys.item('35.22', 'e1'),
      keys.period('35.22', 2026),
      { pk: keys.innovation('35.22', '01ABC').pk, sk: 'OTHER' },
    ]) {
      expect(innovationOfItem(key), key.pk + key.sk).toBeUndefined();
    }
  });
});
