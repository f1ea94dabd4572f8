import {
  daysUntil,
  directProgress,
  evaluateTargetRule,
  type Innovation,
  type OpdProgress,
  opdProgress,
  type ProgressCounts,
  type RuleEvaluation,
  sumProgress,
  type TargetRule,
  todayInJakarta,
  type UnitProgress,
  unitProgress,
} from '@inovasi/core';
import { innovationKematangan } from '@inovasi/core/scoring';
import type { TenantAccess } from '../tenancy.ts';
import { findPeriodRubric } from './period-rubric.ts';
import { toProjectionInnovation } from './projection-state.ts';

export interface OpdStanding extends OpdProgress {
  /** What the OPD holds itself, without any unit (where innovations of no unit count). */
  readonly direct: ProgressCounts;
  readonly units: UnitProgress[];
}

/**
 * A period's standing, rolled up unit → OPD → region, and judged by the period's target rule when
 * it has one (ADR 0036). Read by the progress board, the recap spreadsheet, the reminders and the
 * rakor PDF, so all four say the same thing.
 */
export interface PeriodStanding {
  readonly year: number;
  readonly daysToInternalDeadline: number | null;
  readonly daysToNationalDeadline: number | null;
  readonly opds: OpdStanding[];
  readonly region: ProgressCounts & { readonly target: number; readonly behind: number };
  readonly targetRule: TargetRule | null;
  readonly rule: RuleEvaluation | null;
  /** The send threshold the rule counted at, when it counts at one. */
  readonly threshold: number | null;
}

export async function periodStanding(access: TenantAccess, year: number): Promise<PeriodStanding> {
  const [opds, units, innovations, settings, period] = await Promise.all([
    access.opds.list(),
    access.units.list(),
    access.innovations.listForPeriod(year),
    access.settings.get(),
    access.periods.get(year),
  ]);
  const today = todayInJakarta();
  const board = opdProgress(opds, innovations, settings.defaultOpdTarget);
  const unitRows = unitProgress(units, innovations);
  const rows = board.map(
    (row): OpdStanding => ({
      ...row,
      direct: directProgress(row.opdId, innovations),
      units: unitRows.filter((unit) => unit.opdId === row.opdId),
    }),
  );
  const targetRule = period?.targetRule ?? null;
  const threshold =
    targetRule?.onlyAtSendThreshold && settings.minKematanganToSend !== null
      ? settings.minKematanganToSend
      : null;
  const rule = targetRule
    ? evaluateTargetRule(targetRule, {
        opds,
        units,
        innovations: await withKematangan(access, year, innovations, threshold !== null),
        sendThreshold: threshold,
      })
    : null;
  return {
    year,
    daysToInternalDeadline: period ? daysUntil(today, period.internalDeadline) : null,
    daysToNationalDeadline: period ? daysUntil(today, period.nationalDeadline) : null,
    opds: rows,
    region: {
      ...sumProgress(rows),
      target: rows.reduce((total, row) => total + row.target, 0),
      behind: rows.reduce((total, row) => total + row.behind, 0),
    },
    targetRule,
    rule,
    threshold,
  };
}

/** Each innovation's verified kematangan, the same figure the send gate reads; only when the rule needs it. */
async function withKematangan(
  access: TenantAccess,
  year: number,
  innovations: readonly Innovation[],
  needed: boolean,
): Promise<(Innovation & { kematangan?: number })[]> {
  if (!needed) return [...innovations];
  const [rubric, evidenced] = await Promise.all([
    findPeriodRubric(access.periods, year),
    access.evidence.evidencedTargets(),
  ]);
  if (!rubric) return [...innovations];
  return innovations.map((innovation) => ({
    ...innovation,
    kematangan: innovationKematangan(rubric, toProjectionInnovation(innovation, true, evidenced), 'verified'),
  }));
}
