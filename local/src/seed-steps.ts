import {
  AlreadyExistsError,
  PlatformRepository,
  platformAdminScope,
  type ScopedClientFactory,
} from '@inovasi/data';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * One seed step, run once per store (docs/decisions/0047): its marker, written only after the step
 * finished, makes every later start skip it, and a store seeded before the step existed gets it
 * on its next start. `skipped` is the answer when the marker is already there.
 */
export async function seedOnce<T>(
  data: ScopedClientFactory,
  name: string,
  skipped: T,
  step: () => Promise<T>,
): Promise<T> {
  const registry = new PlatformRepository(data.forScope(platformAdminScope));
  if (await registry.hasSeed(name)) return skipped;
  const result = await step();
  await registry.markSeeded(name);
  return result;
}

/**
 * Re-running a write that already happened is fine: each has a fixed identity, so it fails with
 * one of the `tolerated` errors (by default: it exists) instead of making a copy.
 */
export async function once(
  write: () => Promise<unknown>,
  tolerated: readonly ErrorClass[] = [AlreadyExistsError],
): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!tolerated.some((kind) => error instanceof kind)) throw error;
  }
}
