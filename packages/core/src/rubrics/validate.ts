import { BASIC_SERVICE_URUSAN } from '../innovation/urusan.ts';
import {
  type EvidenceDateWindow,
  type Indicator,
  type LevelDerivation,
  type LevelLadder,
  MAX_LEVEL,
  type NumericBand,
  type Rubric,
  SID33_BASES,
} from './types.ts';

/** The one indicator whose level is read against a chosen basis (decision 2). */
export const KEMANFAATAN_CODE = 'sid.33';

export interface RubricValidation {
  readonly valid: boolean;
  readonly problems: readonly string[];
}

export class InvalidRubricError extends Error {
  constructor(
    readonly rubricId: string,
    readonly problems: readonly string[],
  ) {
    super(`Rubric ${rubricId} is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidRubricError';
  }
}

// Weights are multiples of 0.25 and the count factor is a decimal, so sums are compared with a margin.
const SUM_TOLERANCE = 1e-9;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toHundredths = (value: number): number => Math.round(value * 100);

function checkLadder(where: string, levels: LevelLadder, problems: string[]): void {
  levels.forEach((definition, index) => {
    if (definition.level !== index + 1)
      problems.push(`${where}: level ${index + 1} is numbered ${definition.level}`);
    if (definition.text.trim() === '') problems.push(`${where}: level ${definition.level} has no text`);
    if (definition.evidence.description.trim() === '') {
      problems.push(`${where}: level ${definition.level} has no evidence description`);
    }
    if (definition.evidence.fileKinds.length === 0) {
      problems.push(`${where}: level ${definition.level} accepts no file kind`);
    }
  });
}

function checkBands(where: string, bands: readonly NumericBand[], problems: string[]): void {
  for (let level = 1; level <= MAX_LEVEL; level += 1) {
    if (!bands.some((band) => band.level === level)) problems.push(`${where}: no range for level ${level}`);
  }
  for (const band of bands) {
    if (band.min === undefined && band.max === undefined)
      problems.push(`${where}: level ${band.level} is unbounded`);
    if (band.min !== undefined && band.max !== undefined && band.min > band.max) {
      problems.push(`${where}: level ${band.level} has min above max`);
    }
  }
}

function checkDerivation(where: string, derivation: LevelDerivation, problems: string[]): void {
  if (derivation.kind === 'numeric') {
    checkBands(where, derivation.bands, problems);
    if (!Number.isInteger(derivation.decimals) || derivation.decimals < 0) {
      problems.push(`${where}: decimals must be a non-negative integer`);
    }
    return;
  }
  const seen = new Set<string>();
  for (let level = 1; level <= MAX_LEVEL; level += 1) {
    const grade = derivation.grades.find((candidate) => candidate.level === level);
    if (grade === undefined || grade.values.length === 0)
      problems.push(`${where}: no grade for level ${level}`);
  }
  for (const grade of derivation.grades) {
    for (const value of grade.values) {
      const key = value.trim().toUpperCase();
      if (seen.has(key)) problems.push(`${where}: grade ${value} maps to two levels`);
      seen.add(key);
    }
  }
}

function checkIndicator(indicator: Indicator, problems: string[]): void {
  const where = indicator.code;
  if (!indicator.code.startsWith(`${indicator.aspect}.`))
    problems.push(`${where}: code must start with ${indicator.aspect}.`);
  if (indicator.name.trim() === '') problems.push(`${where}: has no name`);
  if (!(Number.isFinite(indicator.weight) && indicator.weight > 0))
    problems.push(`${where}: weight must be positive`);
  checkLadder(where, indicator.levels, problems);
  if (indicator.aspect === 'spd') {
    if (indicator.derivation !== undefined) checkDerivation(where, indicator.derivation, problems);
    return;
  }
  if (indicator.bases === undefined) {
    if (indicator.code === KEMANFAATAN_CODE) problems.push(`${where}: needs its kemanfaatan bases a–f`);
    return;
  }
  if (indicator.code !== KEMANFAATAN_CODE) problems.push(`${where}: only ${KEMANFAATAN_CODE} may have bases`);
  const bases = indicator.bases.map((basis) => basis.basis);
  if (bases.length !== SID33_BASES.length || SID33_BASES.some((basis) => !bases.includes(basis))) {
    problems.push(`${where}: needs exactly the bases ${SID33_BASES.join(', ')}`);
  }
  for (const basis of indicator.bases) {
    checkLadder(`${where} basis ${basis.basis}`, basis.levels, problems);
    checkBands(`${where} basis ${basis.basis}`, basis.ranges, problems);
    checkTiling(`${where} basis ${basis.basis}`, basis.ranges, basis.decimals, problems);
  }
}

/**
 * Consecutive levels' ranges meet exactly at the stated precision: the next level starts one unit
 * (10^-decimals) above where the previous one ends, or at the same figure with exactly one of the
 * two ends exclusive. Otherwise some figure gets no level (a gap) or two (an overlap).
 */
function checkTiling(
  where: string,
  bands: readonly NumericBand[],
  decimals: number,
  problems: string[],
): void {
  if (!Number.isInteger(decimals) || decimals < 0) {
    problems.push(`${where}: decimals must be a non-negative integer`);
    return;
  }
  const units = (value: number) => Math.round(value * 10 ** decimals);
  const ordered = [...bands].sort((left, right) => left.level - right.level);
  for (let position = 1; position < ordered.length; position += 1) {
    const lower = ordered[position - 1];
    const upper = ordered[position];
    if (lower === undefined || upper === undefined) continue;
    const between = `levels ${lower.level} and ${upper.level}`;
    if (lower.max === undefined || upper.min === undefined) {
      problems.push(`${where}: ${between} must meet at a stated figure`);
      continue;
    }
    const step = units(upper.min) - units(lower.max);
    const oneEndExclusive = Boolean(lower.maxExclusive) !== Boolean(upper.minExclusive);
    const bothInclusive = !lower.maxExclusive && !upper.minExclusive;
    const tiles = (step === 0 && oneEndExclusive) || (step === 1 && bothInclusive);
    if (!tiles) problems.push(`${where}: ${between} leave a gap or overlap at ${decimals} decimals`);
  }
}

function checkSum(label: string, actual: number, stated: number, problems: string[]): void {
  if (Math.abs(actual - stated) > SUM_TOLERANCE)
    problems.push(`${label} is ${actual}, but the rubric states ${stated}`);
}

function checkPredicateBands(rubric: Rubric, problems: string[]): void {
  const bands = rubric.predicateBands;
  if (bands.length === 0) {
    problems.push('predicate bands are missing');
    return;
  }
  if (toHundredths(bands[0]?.max ?? 0) !== 10_000)
    problems.push('the highest predicate band must end at 100');
  if (toHundredths(bands.at(-1)?.min ?? 0) !== 1)
    problems.push('the lowest predicate band must start at 0.01');
  bands.forEach((band, index) => {
    if (toHundredths(band.min) > toHundredths(band.max))
      problems.push(`predicate ${band.predicate}: min above max`);
    const lower = bands[index + 1];
    if (lower !== undefined && toHundredths(lower.max) + 1 !== toHundredths(band.min)) {
      problems.push(`predicate bands ${lower.predicate} and ${band.predicate} leave a gap or overlap`);
    }
  });
}

/**
 * Checks that a rubric is internally consistent before any score is computed with it: stated maxima
 * equal the weights (SPD 63, kematangan 111, total 250 in 2026), every level has text and evidence,
 * codes are unique, ranges cover every level, and predicate bands tile 0.01–100 without gaps.
 */
export function validateRubric(rubric: Rubric): RubricValidation {
  const problems: string[] = [];
  checkIndicators(rubric, problems);
  checkFormula(rubric.formula, rubric, problems);
  checkPredicateBands(rubric, problems);
  checkEligibility(rubric.eligibility, problems);
  checkAssumptions(rubric, problems);
  checkEvidenceRules(rubric, problems);
  return { valid: problems.length === 0, problems };
}

/** Codes are unique across both aspects, each indicator is sound, and each list holds only its aspect. */
function checkIndicators(rubric: Rubric, problems: string[]): void {
  const indicators: readonly Indicator[] = [...rubric.spdRows, ...rubric.sidIndicators];
  const codes = new Set<string>();
  for (const indicator of indicators) {
    if (codes.has(indicator.code)) problems.push(`code ${indicator.code} is used twice`);
    codes.add(indicator.code);
    checkIndicator(indicator, problems);
  }
  if (rubric.spdRows.some((row) => row.aspect !== 'spd')) problems.push('spdRows holds a non-SPD indicator');
  if (rubric.sidIndicators.some((indicator) => indicator.aspect !== 'sid')) {
    problems.push('sidIndicators holds a non-SID indicator');
  }
}

/** The stated maxima agree with the weights and with each other, and the formula's counts are sane. */
function checkFormula(formula: Rubric['formula'], rubric: Rubric, problems: string[]): void {
  const weightSum = (list: readonly Indicator[]): number => list.reduce((sum, item) => sum + item.weight, 0);
  checkSum('SPD maximum (Σ weight × 3)', weightSum(rubric.spdRows) * MAX_LEVEL, formula.maxSpd, problems);
  checkSum(
    'kematangan maximum (Σ weight × 3)',
    weightSum(rubric.sidIndicators) * MAX_LEVEL,
    formula.maxKematangan,
    problems,
  );
  checkSum(
    'count score maximum (factor × cap)',
    formula.countScoreFactor * formula.countScoreCap,
    formula.maxCountScore,
    problems,
  );
  checkSum(
    'total maximum (SPD + kematangan + count score)',
    formula.maxSpd + formula.maxKematangan + formula.maxCountScore,
    formula.maxTotal,
    problems,
  );
  if (!(Number.isInteger(formula.divisorMinimum) && formula.divisorMinimum >= 1)) {
    problems.push('divisor minimum must be a positive integer');
  }
  if (
    !Number.isInteger(formula.basicServiceUrusanRequired) ||
    formula.basicServiceUrusanRequired < 0 ||
    formula.basicServiceUrusanRequired > BASIC_SERVICE_URUSAN.length
  ) {
    problems.push(`basic-service urusan required must be 0–${BASIC_SERVICE_URUSAN.length}`);
  }
}

function checkEligibility(eligibility: Rubric['eligibility'], problems: string[]): void {
  if (!ISO_DATE.test(eligibility.firstAppliedFrom) || !ISO_DATE.test(eligibility.firstAppliedTo)) {
    problems.push('age window dates must be ISO dates');
  } else if (eligibility.firstAppliedFrom > eligibility.firstAppliedTo) {
    problems.push('age window starts after it ends');
  }
  if (!(Number.isInteger(eligibility.rancangBangunMinWords) && eligibility.rancangBangunMinWords > 0)) {
    problems.push('rancang bangun minimum must be a positive number of words');
  }
}

/** Assumptions are described once each, and every one a derivation or basis cites is described. */
function checkAssumptions(rubric: Rubric, problems: string[]): void {
  const assumptionIds = new Set<string>();
  for (const assumption of rubric.assumptions) {
    if (assumptionIds.has(assumption.id)) problems.push(`assumption ${assumption.id} is listed twice`);
    assumptionIds.add(assumption.id);
  }
  const referenced = [
    ...rubric.spdRows.flatMap((row) =>
      row.derivation?.kind === 'numeric' ? (row.derivation.assumptionIds ?? []) : [],
    ),
    ...rubric.sidIndicators.flatMap((indicator) =>
      (indicator.bases ?? []).flatMap((basis) => basis.assumptionIds ?? []),
    ),
  ];
  for (const id of new Set(referenced)) {
    if (!assumptionIds.has(id)) problems.push(`assumption ${id} is referenced but not described`);
  }
}

/** Evidence rules name only indicators of the rubric, and a window never ends before it starts. */
function checkEvidenceRules(rubric: Rubric, problems: string[]): void {
  const rules = rubric.evidenceRules;
  if (!rules) return;
  const codes = new Set([...rubric.spdRows, ...rubric.sidIndicators].map((indicator) => indicator.code));
  for (const [code, windows] of Object.entries(rules.dateWindows)) {
    if (!codes.has(code)) problems.push(`evidence date window for unknown indicator ${code}`);
    for (const window of Array.isArray(windows) ? windows : [windows]) {
      if (endsBeforeItStarts(window)) problems.push(`evidence date window of ${code} ends before it starts`);
    }
  }
  for (const code of rules.sharingGroups.flat()) {
    if (!codes.has(code)) problems.push(`evidence sharing group names unknown indicator ${code}`);
  }
}

function endsBeforeItStarts(window: EvidenceDateWindow | null | undefined): boolean {
  return Boolean(
    window && window.fromYear !== undefined && window.toYear !== undefined && window.fromYear > window.toYear,
  );
}
