import { type Level, MAX_LEVEL } from '../rubrics/types.ts';

/** Selected levels by indicator code; a missing code means level 0 (decision 2). */
export type LevelMap = Readonly<Partial<Record<string, Level>>>;

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_LEVEL;
}

/** Guards the pure functions against levels that slipped past the schemas (e.g. 4 or 2.5). */
export function assertLevel(value: unknown, code: string): asserts value is Level {
  if (!isLevel(value))
    throw new RangeError(`Level of ${code} must be an integer 0–${MAX_LEVEL}, got ${String(value)}`);
}

/** Row score = weight × level (iid-model.md §2). */
export function rowScore(weight: number, level: Level): number {
  assertLevel(level, 'row');
  return weight * level;
}
