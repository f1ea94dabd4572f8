/**
 * DynamoDB per route (docs/performance.md, "Per-route DynamoDB budget"): one call of each route of
 * the standard scenario (as the Bappeda admin, the verifier for reviews) on the typical regency of
 * 100 innovations, every table request sent with `ReturnConsumedCapacity: TOTAL` and booked on the
 * route being called, each checked against the budget table in docs/performance.md. Alone:
 *
 *   npx tsx test/bench/route-budgets.ts
 *
 * (test/bench/budgets.ts runs it with the other budgets.)
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultAssessmentYear } from '@inovasi/core';
import {
  type BudgetApp,
  emptyUsage,
  type Login,
  median,
  PERFORMANCE_DOC,
  record,
  reportFigures,
  routeOf,
  runDirectly,
  startBudgetStack,
  startWatchdog,
  TENANT,
  type Usage,
} from './budget-support.ts';

interface Budget {
  readonly requests: number;
  readonly read: number;
  readonly write: number;
}

/** The table under "### Per-route DynamoDB budget" in docs/performance.md. */
function readBudgets(): Map<string, Budget> {
  const text = readFileSync(PERFORMANCE_DOC, 'utf8');
  const start = text.indexOf('### Per-route DynamoDB budget');
  if (start < 0) throw new Error('docs/performance.md has no "### Per-route DynamoDB budget" table');
  const budgets = new Map<string, Budget>();
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    const route = cells[1]?.replaceAll('`', '');
    if (!route || !/^(GET|POST|PUT|PATCH|DELETE) \//.test(route)) continue;
    budgets.set(route, { requests: Number(cells[2]), read: Number(cells[3]), write: Number(cells[4]) });
  }
  return budgets;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** What `afterCall` is told once the scenario's setup (sign-ins, the open period) is done. */
export const SETUP = 'setup';

export interface RouteBudgetOptions {
  /**
   * Told after the setup and after each measured call has answered, outside its measurement (the
   * cost benchmark waits for the projector here).
   */
  readonly afterCall?: ((route: string) => Promise<void>) | undefined;
  /**
   * Rounds of the scenario (each on its own new innovation and evidence item). The units are the
   * first round's; a route's in-process time is the median over the rounds, because one sample on
   * a loaded machine is mostly the load (the cost benchmark prices Lambda duration from it).
   */
  readonly samples?: number | undefined;
}

export async function routeBudgets(app: BudgetApp, login: Login, options: RouteBudgetOptions = {}) {
  const admin = await login('admin.3522@demo.local');
  const verifier = await login('verifikator.3522@demo.local');
  const year = defaultAssessmentYear();
  const measured = new Map<string, Usage>();
  const times = new Map<string, number[]>();
  let round = 0;
  const call = async (
    route: string,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const send = () =>
      app.request(`/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const usage: Usage = emptyUsage();
    const started = performance.now();
    const response = await routeOf.run(usage, send);
    usage.ms = performance.now() - started;
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${route}: ${response.status} ${text.slice(0, 200)}`);
    if (round === 0) measured.set(route, usage);
    times.set(route, [...(times.get(route) ?? []), usage.ms]);
    await options.afterCall?.(route);
    return { json: JSON.parse(text || '{}'), etag: response.headers.get('etag') ?? '' };
  };
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  // Setup (not measured): an open period, so innovations of this year are editable.
  const periods = await app.request(`/api/v1/tenants/${TENANT}/periods/${year}`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  if (periods.status === 404) {
    await app.request(`/api/v1/tenants/${TENANT}/periods`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ year, internalDeadline: inDays(60), nationalDeadline: inDays(120) }),
    });
  }
  await options.afterCall?.(SETUP);

  for (round = 0; round < Math.max(1, options.samples ?? 1); round++) await scenario();
  for (const [route, usage] of measured) usage.ms = median(times.get(route) ?? [usage.ms]);
  return report(measured, Math.max(1, options.samples ?? 1));

  async function scenario() {
    await call('GET /me', 'GET', '/me', admin);
    const list = await call(
      'GET /tenants/{code}/innovations',
      'GET',
      `/tenants/${TENANT}/innovations?limit=20`,
      admin,
    );
    const someId = list.json.items[0].id as string;
    await call(
      'GET /tenants/{code}/innovations/{id}',
      'GET',
      `/tenants/${TENANT}/innovations/${someId}`,
      admin,
    );
    const opds = await call('GET /tenants/{code}/opds', 'GET', `/tenants/${TENANT}/opds`, admin);
    const created = await call(
      'POST /tenants/{code}/innovations',
      'POST',
      `/tenants/${TENANT}/innovations`,
      admin,
      {
        opdId: opds.json.items[0].id,
        profile: { name: 'Inovasi anggaran biaya' },
      },
    );
    const id = created.json.id as string;
    const patched = await call(
      'PATCH /tenants/{code}/innovations/{id}',
      'PATCH',
      `/tenants/${TENANT}/innovations/${id}`,
      admin,
      { profile: { name: 'Inovasi anggaran biaya (revisi)' } },
      { 'if-match': created.etag },
    );
    const answered = await call(
      'PUT /tenants/{code}/innovations/{id}/answers/{indicator}',
      'PUT',
      `/tenants/${TENANT}/innovations/${id}/answers/sid.16`,
      admin,
      { level: 2 },
      { 'if-match': patched.etag },
    );
    // Evidence for the draft, before it is submitted (a submitted innovation is not editable).
    const upload = await call(
      'POST /tenants/{code}/evidence/uploads',
      'POST',
      `/tenants/${TENANT}/evidence/uploads`,
      admin,
      {
        kind: 'foto',
        title: 'Foto kegiatan',
        fileName: 'kegiatan.png',
        mediaType: 'image/png',
        size: PNG.length,
        sha256: createHash('sha256').update(PNG).digest('hex'),
      },
    );
    await fetch(upload.json.upload.url, { method: 'PUT', headers: upload.json.upload.headers, body: PNG });
    const evidenceId = upload.json.evidence.id as string;
    await call(
      'POST /tenants/{code}/evidence/{evidenceId}/complete',
      'POST',
      `/tenants/${TENANT}/evidence/${evidenceId}/complete`,
      admin,
    );
    await call(
      'POST /tenants/{code}/evidence/{evidenceId}/links',
      'POST',
      `/tenants/${TENANT}/evidence/${evidenceId}/links`,
      admin,
      {
        type: 'innovation',
        innovationId: id,
        indicator: 'sid.16',
      },
    );

    const submitted = await call(
      'POST /tenants/{code}/innovations/{id}/transitions',
      'POST',
      `/tenants/${TENANT}/innovations/${id}/transitions`,
      admin,
      { action: 'submit' },
      { 'if-match': answered.etag },
    );
    await call(
      'POST /tenants/{code}/innovations/{id}/answers/{indicator}/review',
      'POST',
      `/tenants/${TENANT}/innovations/${id}/answers/sid.16/review`,
      verifier,
      { status: 'accepted' },
      { 'if-match': submitted.etag },
    );
    await call(
      'GET /tenants/{code}/periods/{year}/projection',
      'GET',
      `/tenants/${TENANT}/periods/${year}/projection`,
      admin,
    );
    await call('GET /tenants/{code}/members', 'GET', `/tenants/${TENANT}/members`, admin);
    await call('GET /tenants/{code}/audit', 'GET', `/tenants/${TENANT}/audit`, admin);
    await call('GET /tenants/{code}/notifications', 'GET', `/tenants/${TENANT}/notifications`, verifier);
    await call('GET /catalog/innovations', 'GET', '/catalog/innovations?limit=20', admin);
    await call('GET /tenants/{code}/evidence', 'GET', `/tenants/${TENANT}/evidence`, admin);
  }
}

function report(measured: Map<string, Usage>, samples: number) {
  const budgets = readBudgets();
  console.log(
    `\nDynamoDB per route (one call, standard scenario; budget from docs/performance.md; in-process ms: median of ${samples})`,
  );
  console.log('| route | requests | RCU | WCU | in-process ms | budget (req / RCU / WCU) | |');
  console.log('|---|---|---|---|---|---|---|');
  let allWithin = true;
  for (const [route, usage] of measured) {
    const budget = budgets.get(route);
    const within =
      budget !== undefined &&
      usage.requests <= budget.requests &&
      usage.read <= budget.read &&
      usage.write <= budget.write;
    allWithin &&= within;
    console.log(
      `| ${route} | ${usage.requests} | ${usage.read} | ${usage.write} | ${usage.ms.toFixed(0)} | ${budget ? `${budget.requests} / ${budget.read} / ${budget.write}` : 'none'} | ${within ? 'PASS' : 'FAIL'} |`,
    );
    record(
      `DynamoDB budget ${route}`,
      `${usage.requests} req, ${usage.read} RCU, ${usage.write} WCU`,
      budget ? `≤ ${budget.requests} req, ${budget.read} RCU, ${budget.write} WCU` : 'a budget row',
      within,
    );
  }
  return { measured, allWithin };
}

if (runDirectly(import.meta.filename)) {
  startWatchdog('route budgets', 10);
  const { stack, app, login } = await startBudgetStack();
  try {
    await routeBudgets(app, login);
  } finally {
    await stack.stop();
  }
  reportFigures();
}
