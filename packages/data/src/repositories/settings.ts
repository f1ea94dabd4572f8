import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantSettings } from '@inovasi/core';
import type { ScopedClients } from '../clients.ts';
import { isConditionFailure, VersionConflictError } from '../errors.ts';
import { keys } from '../keys.ts';
import { toRecord, updateVersioned } from './versioned.ts';

const DEFAULTS: TenantSettings = { minKematanganToSend: null, version: 0 };

/** Per-tenant settings; absent means the defaults (version 0). */
export class TenantSettingsRepository {
  constructor(
    private readonly clients: ScopedClients,
    private readonly tenantCode: string,
  ) {}

  async get(): Promise<TenantSettings> {
    const result = await this.clients.table.send(
      new GetCommand({ TableName: this.clients.config.tableName, Key: keys.tenantSettings(this.tenantCode) }),
    );
    return result.Item ? { ...DEFAULTS, ...toRecord<TenantSettings>(result.Item) } : DEFAULTS;
  }

  async save(expectedVersion: number, changes: Omit<TenantSettings, 'version'>): Promise<TenantSettings> {
    const key = keys.tenantSettings(this.tenantCode);
    if (expectedVersion > 0) {
      return toRecord<TenantSettings>(
        await updateVersioned<TenantSettings>(
          this.clients.table,
          this.clients.config.tableName,
          key,
          expectedVersion,
          changes,
        ),
      );
    }
    const created: TenantSettings = { ...changes, version: 1 };
    try {
      await this.clients.table.send(
        new PutCommand({
          TableName: this.clients.config.tableName,
          Item: { ...key, ...created },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new VersionConflictError((await this.get()).version);
      throw error;
    }
    return created;
  }
}
