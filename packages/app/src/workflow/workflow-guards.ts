import {
  type Actor,
  type Innovation,
  isEditable,
  type Period,
  periodLock,
  todayInJakarta,
} from '@inovasi/core';
import { AppError } from '../errors.ts';
import type { TenantAccess } from '../tenancy.ts';

const isAdmin = (actor: Actor) =>
  actor.roles.includes('tenant_admin') || actor.roles.includes('platform_admin');

/**
 * Deadlines of the innovation's period: after the internal deadline only Bappeda edits (unless the
 * OPD got an extension); after the national deadline nobody does. A year without an opened period
 * has no deadlines yet.
 */
export async function assertPeriodAllowsEdit(
  access: TenantAccess,
  periodYear: number,
  opdId: string | undefined,
  /** `bappeda`: a verifier's or admin's step, which the internal deadline does not stop. */
  step: 'opd' | 'bappeda' = 'opd',
  /** The period as the caller already read it (undefined: none is opened), so it is not read twice. */
  known?: { readonly period: Period | undefined },
): Promise<void> {
  const period = known ? known.period : await access.periods.get(periodYear);
  if (!period) return;
  const lock = periodLock(period, todayInJakarta(), opdId);
  if (lock === 'read_only') throw new AppError('period_read_only');
  if (lock === 'operators_locked' && step === 'opd' && !isAdmin(access.actor)) {
    throw new AppError('period_locked');
  }
}

/** Profile and answers change only while the OPD holds the innovation, within the period's deadlines. */
export async function assertInnovationEditable(
  access: TenantAccess,
  innovation: Innovation,
  known?: { readonly period: Period | undefined },
): Promise<void> {
  if (!isEditable(innovation.status)) throw new AppError('not_editable', 'status');
  await assertPeriodAllowsEdit(access, innovation.periodYear, innovation.opdId, 'opd', known);
}
