import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Innovation, SessionUser } from '../src/api/model.ts';
import {
  draftKey,
  hasDraft,
  readDraft,
  removeDraft,
  writeDraft,
} from '../src/features/innovations/drafts.ts';
import { emptyFormValues } from '../src/features/innovations/formValues.ts';
import {
  canEditAnswers,
  canReviewAnswers,
  workflowActionsFor,
} from '../src/features/workflow/permissions.ts';

/** The browser's storage, as a plain map; `full` makes every write fail like a full quota does. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('drafts kept in the browser until saved', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    Object.assign(globalThis, { localStorage: storage });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  const draft = {
    savedAt: '2026-05-02T08:00:00.000Z',
    base: emptyFormValues('opd-dinkes'),
    baseVersion: 3,
    values: { ...emptyFormValues('opd-dinkes'), name: 'Posyandu Digital' },
  };

  it('keeps one draft per user, region and innovation (office computers are shared)', () => {
    const mine = draftKey('u-1', '35.22', 'inv-1');
    writeDraft(mine, draft);
    expect(readDraft(mine)).toEqual(draft);
    expect(hasDraft(draftKey('u-2', '35.22', 'inv-1'))).toBe(false);
    expect(hasDraft(draftKey('u-1', '35.20', 'inv-1'))).toBe(false);
    expect(draftKey('u-1', '35.22', undefined)).toBe('inovasi.draft.u-1.35.22.baru');
    removeDraft(mine);
    expect(hasDraft(mine)).toBe(false);
  });

  it('ignores a damaged draft and survives a full storage', () => {
    storage.items.set('broken', '{"values":');
    storage.items.set('partial', '{"values":{}}');
    expect(readDraft('broken')).toBeNull();
    expect(readDraft('partial')).toBeNull();
    storage.full = true;
    expect(() => writeDraft('any', draft)).not.toThrow();
    expect(hasDraft('any')).toBe(false);
  });
});

describe('what the innovation page offers to whom', () => {
  const user = (roles: SessionUser['roles'], opdId?: string) =>
    ({ id: 'u', email: 'u@demo.local', tenantCode: '35.22', roles, opdId }) as unknown as SessionUser;
  const innovation = (status: string, archived = false) =>
    ({ id: 'inv-1', opdId: 'opd-dinkes', status, archived }) as unknown as Innovation;

  it('lets an operator edit and submit only its own OPD’s draft', () => {
    const own = user(['opd_operator'], 'opd-dinkes');
    const other = user(['opd_operator'], 'opd-dikbud');
    expect(canEditAnswers(own, innovation('draft'))).toBe(true);
    expect(workflowActionsFor(own, innovation('draft'))).toContain('submit');
    expect(canEditAnswers(other, innovation('draft'))).toBe(false);
    expect(workflowActionsFor(other, innovation('draft'))).toEqual([]);
    expect(canEditAnswers(own, innovation('submitted'))).toBe(false);
  });

  it('lets a verifier review what is in review, never an archived innovation', () => {
    const verifier = user(['verifier']);
    expect(canReviewAnswers(verifier, innovation('in_review'))).toBe(true);
    expect(canReviewAnswers(verifier, innovation('draft'))).toBe(false);
    expect(canReviewAnswers(verifier, innovation('in_review', true))).toBe(false);
    expect(workflowActionsFor(verifier, innovation('in_review', true))).toEqual([]);
    expect(workflowActionsFor(user(['tenant_admin']), innovation('verified'))).toContain('mark_ready');
  });
});
