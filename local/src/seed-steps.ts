import { type DomainErrorCode, isDomainError } from '@inovasi/core';
import { platformAdminScope, platformRepositoryFor, type ScopedClientFactory } from '@inovasi/data';

/** The refusals of writing a seeded record a second time: it exists already. */
const ALREADY_THERE: readonly DomainErrorCode[] = ['tenant_exists', 'member_exists', 'period_exists'];

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
  const registry = platformRepositoryFor(data.forScope(platformAdminScope));
  if (await registry.hasSeed(name)) return skipped;
  const result = await step();
  await registry.markSeeded(name);
  return result;
}

/**
 * Re-running a write that already happened is fine: each has a fixed identity, so it fails with
 * one of the `tolerated` codes (by default: it exists) instead of making a copy.
 */
export async function once(
  write: () => Promise<unknown>,
  tolerated: readonly DomainErrorCode[] = ALREADY_THERE,
): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDomainError(error, ...tolerated)) throw error;
  }
}
