import { describe, expect, it } from 'vitest';
import { INNOVATION_STATUSES, isSubmittedOrLater, isVerifiedOrLater, opdProgress } from '../../src/index.ts';

describe('OPD progress board', () => {
  it('counts each stage cumulatively and sorts the furthest behind first', () => {
    const opds = [
      { id: 'dinkes', name: 'Dinas Kesehatan', archived: false, target: 2 },
      { id: 'disdik', name: 'Dinas Pendidikan', archived: false },
      { id: 'lurah', name: 'Kelurahan Pasar', archived: false, target: 2 },
      { id: 'lama', name: 'Dinas Lama', archived: true },
    ];
    const innovations = [
      { opdId: 'dinkes', status: 'sent' as const, archived: false },
      { opdId: 'dinkes', status: 'in_review' as const, archived: false },
      { opdId: 'disdik', status: 'draft' as const, archived: false },
      { opdId: 'disdik', status: 'verified' as const, archived: true },
      { opdId: 'lurah', status: 'returned' as const, archived: false },
    ];
    expect(opdProgress(opds, innovations, 1)).toEqual([
      {
        opdId: 'lurah',
        name: 'Kelurahan Pasar',
        target: 2,
        total: 1,
        submitted: 0,
        verified: 0,
        ready: 0,
        sent: 0,
        behind: 2,
      },
      {
        opdId: 'disdik',
        name: 'Dinas Pendidikan',
        target: 1,
        total: 1,
        submitted: 0,
        verified: 0,
        ready: 0,
        sent: 0,
        behind: 1,
      },
      {
        opdId: 'dinkes',
        name: 'Dinas Kesehatan',
        target: 2,
        total: 2,
        submitted: 2,
        verified: 1,
        ready: 1,
        sent: 1,
        behind: 0,
      },
    ]);
  });

  it('counts as verified what the verifier declared verified, and every step after it', () => {
    // One definition for the board, the dashboard and the leaders' league (issue 20, point 7).
    expect(INNOVATION_STATUSES.filter(isVerifiedOrLater)).toEqual([
      'verified',
      'ready',
      'sent',
      'accepted',
      'rejected',
    ]);
    expect(INNOVATION_STATUSES.filter(isSubmittedOrLater)).toEqual([
      'submitted',
      'in_review',
      'verified',
      'ready',
      'sent',
      'accepted',
      'rejected',
    ]);
  });
});
