import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});

interface Lever {
  kind: string;
  code: string;
  toLevel: number;
  innovationIds: string[];
  indexAfter: number;
  indexGain: number;
  document_id: string;
  message_id: string;
}

describe('region-wide levers in the advice (ADR 0029)', () => {
  it('on the seeded data, one decree lifting an indicator of many innovations is one lever', async () => {
    // Prepare
    const admin = await env.login('admin.3520@demo.local');
    // Act
    const advice = await env.request('GET', '/tenants/35.20/periods/2026/projection/advice?basis=claimed', {
      token: admin,
    });
    // Assess: the top lever names its document and several innovations, and no per-innovation move
    // repeats one of its lifts
    expect(advice.status).toBe(200);
    const levers: Lever[] = advice.json.levers;
    const [top] = levers;
    if (top === undefined) throw new Error('the seeded region has no lever');
    expect(top).toMatchObject({ kind: 'region_wide_document', code: 'sid.16' });
    expect(top.innovationIds.length).toBeGreaterThanOrEqual(2);
    expect(top.document_id).toMatch(/SK|Perbup|Perda/);
    expect(top.message_id).toContain(`${top.innovationIds.length} inovasi sekaligus`);
    for (const lever of levers) {
      for (const move of advice.json.moves) {
        if (move.kind !== 'lift_indicator' || move.code !== lever.code || move.toLevel !== lever.toLevel)
          continue;
        expect(lever.innovationIds).not.toContain(move.innovationId);
      }
    }

    // Act: answer the lever's indicator at its level on every innovation it names
    for (const id of top.innovationIds) {
      const path = `/tenants/35.20/innovations/${id}`;
      const innovation = await env.request('GET', path, { token: admin });
      const answer = await env.request('PUT', `${path}/answers/${top.code}`, {
        token: admin,
        headers: { 'if-match': innovation.headers.get('etag')! },
        body: { level: top.toLevel },
      });
      expect(answer.status).toBe(200);
    }

    // Assess: the projection lands exactly on the lever's predicted index
    const after = await env.request('GET', '/tenants/35.20/periods/2026/projection', { token: admin });
    expect(after.json.claimed.index).toBe(top.indexAfter);
  });
});
