import type { Level, Rubric } from '../rubrics/index.ts';
import { compileRubric } from './compiled.ts';
import { assertLevel, type LevelMap, rowScore } from './levels.ts';
import { tidy } from './rounding.ts';

export {
  type BandMatch,
  type DerivationProblem,
  deriveKemanfaatanLevel,
  deriveSpdLevel,
  levelFromBands,
  type SpdDerivation,
  type SpdRawFigures,
} from './spd-derivation.ts';

import { deriveSpdLevel, type SpdDerivation, type SpdRawFigures } from './spd-derivation.ts';

export interface SpdRowScore {
  readonly code: string;
  readonly weight: number;
  readonly level: Level;
  readonly score: number;
  /** `derived`: from raw figures; `selected`: a level chosen directly; `unanswered`: level 0. */
  readonly source: 'derived' | 'selected' | 'unanswered';
  readonly derivation?: SpdDerivation;
}

export interface SpdScore {
  readonly total: number;
  readonly rows: readonly SpdRowScore[];
}

/**
 * SPD = Σ weight × level over the 20 SPD rows (max 63 in 2026). For a quantitative row with raw
 * figures, the derived level is used, since the figures are the record of truth; otherwise the
 * selected level; otherwise 0.
 */
export function scoreSpd(
  rubric: Rubric,
  levels: LevelMap,
  figures: Readonly<Partial<Record<string, SpdRawFigures>>> = {},
): SpdScore {
  const rows = rubric.spdRows.map((row): SpdRowScore => {
    const rowFigures = figures[row.code];
    if (row.derivation !== undefined && rowFigures !== undefined) {
      const derivation = deriveSpdLevel(row, rowFigures);
      return {
        code: row.code,
        weight: row.weight,
        level: derivation.level,
        score: rowScore(row.weight, derivation.level),
        source: 'derived',
        derivation,
      };
    }
    const level = levels[row.code] ?? 0;
    return {
      code: row.code,
      weight: row.weight,
      level,
      score: rowScore(row.weight, level),
      source: level === 0 ? 'unanswered' : 'selected',
    };
  });
  return { total: tidy(rows.reduce((sum, row) => sum + row.score, 0)), rows };
}

/** The SPD total alone, from selected levels; the fast path of scoreSpd. */
export function spdTotal(rubric: Rubric, levels: LevelMap): number {
  let total = 0;
  for (const { code, weight } of compileRubric(rubric).spd) {
    const level = levels[code] ?? 0;
    assertLevel(level, code);
    total += weight * level;
  }
  return total;
}
