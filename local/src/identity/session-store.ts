import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/**
 * The provider's sessions, grants, codes and tokens, in memory. They end with the process (people
 * sign in again after a restart); what matters is that one person's can be found and revoked when
 * an administrator disables or removes them, which the library's own memory adapter cannot do.
 */
export class ProviderSessionStore {
  private readonly entries = new Map<string, Entry>();

  adapterFor(model: string): Adapter {
    const key = (id: string) => `${model}:${id}`;
    const store = this;
    return {
      async upsert(id, payload, expiresIn) {
        store.entries.set(key(id), { payload, expiresAt: Date.now() + (expiresIn ?? 3600) * 1000 });
      },
      async find(id) {
        return store.read(key(id));
      },
      async findByUid(uid) {
        for (const [entryKey, entry] of store.entries) {
          if (entryKey.startsWith(`${model}:`) && entry.payload.uid === uid) return store.read(entryKey);
        }
        return undefined;
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const entry = store.entries.get(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.entries.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        store.removeWhere((payload) => payload.grantId === grantId);
      },
    };
  }

  /** Ends every session, grant, code and token of one account (its accountId is the e-mail address). */
  revokeAccount(accountId: string): number {
    return this.removeWhere((payload) => payload.accountId === accountId);
  }

  private read(entryKey: string): AdapterPayload | undefined {
    const entry = this.entries.get(entryKey);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(entryKey);
      return undefined;
    }
    return entry.payload;
  }

  private removeWhere(matches: (payload: AdapterPayload) => boolean): number {
    let removed = 0;
    for (const [entryKey, entry] of this.entries) {
      if (matches(entry.payload) || entry.expiresAt <= Date.now()) {
        this.entries.delete(entryKey);
        if (matches(entry.payload)) removed++;
      }
    }
    return removed;
  }
}
