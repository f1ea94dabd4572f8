import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantSettings } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { keys } from '../keys.ts';
import { type AuditContext, auditPut, type FieldChange, SYSTEM_AUDIT } from './audit.ts';
import { saveSingleton, toRecord } from './versioned.ts';

/** Off by default; every OPD at least one innovation (the most common regional rule). */
const DEFAULTS: TenantSettings = { minKematanganToSend: null, defaultOpdTarget: 1, version: 0 };

/** Per-tenant settings; absent means the defaults (version 0). */
export class TenantSettingsRepository {
  constructor(
    private readonly clients: TenantClients,
    private readonly audit: AuditContext = SYSTEM_AUDIT,
  ) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  async get(): Promise<TenantSettings> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.clients.config.tableName, Key: keys.tenantSettings(this.tenantCode) }),
    );
    return result.Item ? { ...DEFAULTS, ...toRecord<TenantSettings>(result.Item) } : DEFAULTS;
  }

  async save(
    expectedVersion: number,
    changes: Partial<Omit<TenantSettings, 'version'>>,
  ): Promise<TenantSettings> {
    const current = await this.get();
    const fieldChanges: Record<string, FieldChange> = {};
    for (const [field, value] of Object.entries(changes)) {
      const before = current[field as keyof TenantSettings];
      if (before !== value) fieldChanges[field] = { before, after: value };
    }
    return saveSingleton<TenantSettings>(
      this.clients.table,
      this.clients.config.tableName,
      keys.tenantSettings(this.tenantCode),
      expectedVersion,
      DEFAULTS,
      changes,
      [
        auditPut(this.clients.config.tableName, this.tenantCode, this.audit, {
          action: 'settings.save',
          entity: 'settings',
          entityId: 'settings',
          changes: fieldChanges,
        }),
      ],
    );
  }
}
