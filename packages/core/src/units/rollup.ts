import { STAGE } from '../workflow/progress.ts';
import type { InnovationStatus } from '../workflow/state-machine.ts';
import type { Unit, UnitKind } from './units.ts';

/** The board's columns: each counts every innovation at or beyond that workflow step. */
export interface ProgressCounts {
  readonly total: number;
  readonly submitted: number;
  readonly verified: number;
  readonly ready: number;
  readonly sent: number;
}

export interface UnitProgress extends ProgressCounts {
  readonly unitId: string;
  readonly opdId: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentUnitId?: string | undefined;
}

export interface CountedInnovation {
  readonly opdId: string;
  readonly unitId?: string | undefined;
  readonly status: InnovationStatus;
  readonly archived: boolean;
}

export function countProgress(innovations: readonly CountedInnovation[]): ProgressCounts {
  const live = innovations.filter((innovation) => !innovation.archived);
  const atLeast = (stage: number) => live.filter((innovation) => STAGE[innovation.status] >= stage).length;
  return {
    total: live.length,
    submitted: atLeast(1),
    verified: atLeast(2),
    ready: atLeast(3),
    sent: atLeast(4),
  };
}

export function sumProgress(rows: readonly ProgressCounts[]): ProgressCounts {
  const sum = (pick: (row: ProgressCounts) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    total: sum((row) => row.total),
    submitted: sum((row) => row.submitted),
    verified: sum((row) => row.verified),
    ready: sum((row) => row.ready),
    sent: sum((row) => row.sent),
  };
}

/**
 * Progress per live unit, rolled up: a kecamatan counts its own innovations and those of its
 * kelurahan and desa. An OPD's own row needs no roll-up of its own: a unit's innovation carries the
 * unit's OPD, so the OPD's count already includes every unit below it (ADR 0036).
 */
export function unitProgress(
  units: readonly Unit[],
  innovations: readonly CountedInnovation[],
): UnitProgress[] {
  const live = units.filter((unit) => !unit.archived);
  const childrenOf = (unitId: string) => live.filter((unit) => unit.parentUnitId === unitId).map((u) => u.id);
  return live
    .map((unit) => {
      const owners = new Set([unit.id, ...childrenOf(unit.id)]);
      const own = innovations.filter((innovation) => innovation.unitId && owners.has(innovation.unitId));
      return {
        unitId: unit.id,
        opdId: unit.opdId,
        name: unit.name,
        kind: unit.kind,
        ...(unit.parentUnitId ? { parentUnitId: unit.parentUnitId } : {}),
        ...countProgress(own),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** What an OPD holds directly, without any unit: where existing innovations (no unit) are counted. */
export function directProgress(opdId: string, innovations: readonly CountedInnovation[]): ProgressCounts {
  return countProgress(innovations.filter((innovation) => innovation.opdId === opdId && !innovation.unitId));
}
