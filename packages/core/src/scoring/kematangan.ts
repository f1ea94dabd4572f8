import type { Level, Rubric, Sid33Basis } from '../rubrics/types.ts';
import { KEMANFAATAN_CODE } from '../rubrics/validate.ts';
import { compileRubric } from './compiled.ts';
import { assertLevel, type LevelMap } from './levels.ts';

/** The SID answers of one innovation: a level per indicator, and the basis its sid.33 level uses. */
export interface InnovationLevels {
  readonly levels: LevelMap;
  readonly sid33Basis?: Sid33Basis | undefined;
}

export interface KematanganRow {
  readonly code: string;
  readonly weight: number;
  /** The level that counts (0 when a sid.33 level has no basis). */
  readonly level: Level;
  readonly score: number;
  readonly unscoredReason?: 'sid33_basis_missing';
}

export interface KematanganResult {
  readonly total: number;
  readonly rows: readonly KematanganRow[];
  readonly sid33Basis: Sid33Basis | null;
}

/**
 * A sid.33 level only means something against the basis it was measured on (decision 2), so without
 * a basis it cannot be verified and counts as 0.
 */
export function countedSidLevel<L extends number>(
  code: string,
  level: L,
  sid33Basis: Sid33Basis | null | undefined,
): L | 0 {
  return code === KEMANFAATAN_CODE && sid33Basis == null ? 0 : level;
}

/**
 * Kematangan of one innovation = Σ weight × level over the SID indicators (max 111 in 2026), with
 * the row-by-row breakdown.
 */
export function scoreKematangan(rubric: Rubric, innovation: InnovationLevels): KematanganResult {
  const sid33Basis = innovation.sid33Basis ?? null;
  const rows = compileRubric(rubric).sid.map(({ code, weight }): KematanganRow => {
    const selected = innovation.levels[code] ?? 0;
    assertLevel(selected, code);
    const level = countedSidLevel(code, selected, sid33Basis);
    const row = { code, weight, level, score: weight * level };
    return level === selected ? row : { ...row, unscoredReason: 'sid33_basis_missing' };
  });
  return { total: rows.reduce((sum, row) => sum + row.score, 0), rows, sid33Basis };
}

/** Reads the level of one indicator from wherever the answers live. */
export type LevelReader = (code: string) => Level | undefined;

/**
 * The kematangan total alone: the hot path shared by simulate, projections and advice. Takes a
 * reader so callers holding `{ level, verified }` answers need not copy them into a level map.
 */
export function kematanganTotalFrom(
  rubric: Rubric,
  readLevel: LevelReader,
  sid33Basis?: Sid33Basis | null,
): number {
  let total = 0;
  for (const { code, weight } of compileRubric(rubric).sid) {
    const level = readLevel(code) ?? 0;
    assertLevel(level, code);
    total += weight * countedSidLevel(code, level, sid33Basis);
  }
  return total;
}

export function kematanganTotal(rubric: Rubric, innovation: InnovationLevels): number {
  const { levels } = innovation;
  return kematanganTotalFrom(rubric, (code) => levels[code], innovation.sid33Basis);
}
