import type { Locator } from 'playwright-core';
import { DemoApi } from './api.ts';
import type { Journey } from './journey.ts';

/** The regulation indicator's level the offline journeys choose (level 2). */
const PERKADA = /Peraturan Kepala Daerah \(Perkada\)/;

export type StoredInnovation = {
  version: number;
  profile: { name: string };
  answers: Record<string, { level: number }>;
};

/**
 * Bojonegoro's first OPD operator creates an innovation named `${prefix} <now>` over the API, and
 * the journey's page (signed in as the same operator) opens it with the regulation indicator
 * (`sid.16`) ready to answer. `read` reads the innovation as the server has it.
 */
export async function openNewInnovation(journey: Journey, prefix: string) {
  const operator = await DemoApi.signIn(journey.product.url, 'opd1.3522@demo.local');
  const created = await operator.createInnovation(operator.user.opdId ?? '', {
    name: `${prefix} ${Date.now()}`,
  });
  const read = () => operator.call<StoredInnovation>('GET', `/innovations/${created.id}`);
  await journey.page.goto(`/inovasi/${created.id}`);
  const regulation: Locator = journey.page.getByTestId('indicator-sid.16');
  await regulation.getByRole('radio', { name: PERKADA }).waitFor();
  return { operator, created, read, regulation };
}
