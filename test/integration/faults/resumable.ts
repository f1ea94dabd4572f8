import { ALL_FAULTS, type FaultInjector } from '../../support/faults.ts';
import { normaliseKey, type StoreSnapshot } from '../../support/snapshot.ts';

/**
 * "Fail a step, retry to the same end state": the fault mode of the write routes that are several
 * transactions by design, each step resumable (adding a contest judge, announcing the winners:
 * docs/decisions/0042). The atomic rule of test/integration/faults-writes.test.ts (nothing, or
 * exactly the fault-free change) cannot hold for them: a fault may leave the first steps done.
 * What must hold instead is what a person gets by pressing the button again: the request is sent
 * under faults, then repeated without faults until it succeeds (a bounded number of times), and
 * the store's change then equals, item for item, the change the same recipe makes without faults.
 *
 * The suite's change shape is a set of normalised keys, which would hide a second copy (two
 * evidence items, two audit entries of one step normalise to the same key): here every normalised
 * key is counted, and the audit actions are compared as a list, so a repeated step that writes its
 * item again, or audits itself twice, fails.
 *
 * Each step is made to fail in turn: the n-th distinct DynamoDB write of the request fails on
 * every attempt (the SDK gives up; the route must answer a clear error, never a 500), or reaches
 * the server and loses its answer once (the ambiguous case: the SDK's retry meets its own write).
 * Then a few requests under the suite's random faults, as every other route gets.
 */
export interface ResumableCall {
  readonly path: string;
  /** Values this call chose that differ from call to call: normalised in the comparison. */
  readonly vary?: readonly string[];
}

export interface ResumableAnswer {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

export interface ResumableSuite<C extends ResumableCall> {
  readonly route: string;
  /** A fresh valid call of the route, its state prepared without faults. */
  readonly prepare: () => Promise<C>;
  /** Sends the call and lets background work and the summary projector settle. */
  readonly send: (call: C) => Promise<ResumableAnswer>;
  readonly snapshot: () => Promise<StoreSnapshot>;
  readonly injector: FaultInjector;
  /** Keys outside any write's unit (derived data, counters): not compared. */
  readonly ignore: RegExp;
  /** Notifications and e-mail, delivered after the change: a lost one is reported, a second one fails. */
  readonly notifications: RegExp;
  /** Share of attempts that fail in the random rounds, and how many such rounds. */
  readonly rate: number;
  readonly rounds: number;
}

/** A change, counted: what the comparison needs from two snapshots. */
export interface CountedChange {
  /** `<n>× <*|-> <normalised key>`, sorted. */
  readonly items: readonly string[];
  /** The actions of the new audit entries, sorted. */
  readonly audits: readonly string[];
  /** Notification and e-mail items written, counted like `items`. */
  readonly notifications: readonly string[];
}

export interface ResumableOutcome {
  readonly failures: string[];
  readonly notes: string[];
  /** Statuses of the requests sent under faults (before any repetition). */
  readonly statuses: number[];
}

/** Repetitions without faults after the faulted request, at most. */
const REPEATS = 4;
/** More steps than any resumable route has: the sweep stops at the first step the request never reaches. */
const MAX_STEPS = 24;
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);
const AUDIT = /^item T#[^ ]+#AUDIT#/;

const ok = (status: number) => status >= 200 && status < 300;

function counted(
  before: StoreSnapshot,
  after: StoreSnapshot,
  keep: (key: string) => boolean,
  vary: readonly string[],
): string[] {
  const normalise = (key: string) =>
    normaliseKey(vary.reduce((current, value) => current.replaceAll(value, '<value>'), key));
  const counts = new Map<string, number>();
  const add = (line: string) => counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const [key, value] of after) {
    if (keep(key) && before.get(key) !== value) add(`* ${normalise(key)}`);
  }
  for (const key of before.keys()) if (keep(key) && !after.has(key)) add(`- ${normalise(key)}`);
  return [...counts].map(([line, count]) => `${count}× ${line}`).sort();
}

export function countChange(
  before: StoreSnapshot,
  after: StoreSnapshot,
  options: { vary?: readonly string[]; ignore: RegExp; notifications: RegExp },
): CountedChange {
  const vary = options.vary ?? [];
  const audits = [...after]
    .filter(([key]) => AUDIT.test(key) && !before.has(key))
    .map(([, value]) => String((JSON.parse(value) as { action?: unknown }).action))
    .sort();
  return {
    items: counted(before, after, (key) => !options.ignore.test(key), vary),
    audits,
    notifications: counted(before, after, (key) => options.notifications.test(key), vary),
  };
}

/** Lines of `got` beyond `expected` (a multiset difference), for a readable failure. */
function beyond(got: readonly string[], expected: readonly string[]): string[] {
  const left = [...expected];
  return got.filter((line) => {
    const index = left.indexOf(line);
    if (index < 0) return true;
    left.splice(index, 1);
    return false;
  });
}

const same = (a: readonly string[], b: readonly string[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Arms the injector so that the `step`-th distinct write of the next request fails: on every
 * attempt (`server-error`: the SDK gives up) or once after reaching the server (`timeout-after`).
 * A retry of one request resends the same body (a transaction keeps its ClientRequestToken), so
 * the body tells a retry from the next write.
 */
function failStep(injector: FaultInjector, step: number, kind: 'server-error' | 'timeout-after') {
  const seen: string[] = [];
  let hits = 0;
  injector.kinds = [kind];
  injector.only = (attempt) => {
    if (attempt.service !== 'dynamodb' || !WRITES.has(attempt.operation ?? '')) return false;
    let index = seen.indexOf(attempt.body);
    const first = index < 0;
    if (first) index = seen.push(attempt.body) - 1;
    if (index !== step || (kind === 'timeout-after' && !first)) return false;
    hits++;
    return true;
  };
  injector.rate = 1;
  return () => hits;
}

function disarm(injector: FaultInjector): void {
  injector.rate = 0;
  injector.only = undefined;
  injector.kinds = ALL_FAULTS;
}

const unclear = (reply: ResumableAnswer) =>
  (reply.status >= 500 && reply.status !== 503) ||
  (reply.status === 503 && !reply.headers.get('retry-after'));

/** Sends the call under the armed faults, then again without faults until it succeeds. */
async function sendAndRepeat<C extends ResumableCall>(
  suite: ResumableSuite<C>,
  call: C,
  arm: () => () => number,
  fail: (what: string) => void,
): Promise<{ first: number; last: ResumableAnswer; injected: number }> {
  const hits = arm();
  let answer: ResumableAnswer;
  try {
    answer = await suite.send(call);
  } finally {
    disarm(suite.injector);
  }
  const first = answer.status;
  if (unclear(answer)) fail(`${answer.status} under faults ${answer.text.slice(0, 200)}`);
  for (let repeat = 0; !ok(answer.status) && repeat < REPEATS; repeat++) {
    answer = await suite.send(call);
    if (unclear(answer)) fail(`${answer.status} when repeated ${answer.text.slice(0, 200)}`);
  }
  return { first, last: answer, injected: hits() };
}

/** What differs between the change a repeated request ended with and the fault-free change. */
function differences(got: CountedChange, expected: CountedChange): string[] {
  const found: string[] = [];
  if (!same(got.items, expected.items)) {
    found.push(
      `ended with ${JSON.stringify(beyond(got.items, expected.items))} more and ` +
        `${JSON.stringify(beyond(expected.items, got.items))} fewer than the fault-free change`,
    );
  }
  if (!same(got.audits, expected.audits))
    found.push(`audited ${JSON.stringify(got.audits)} instead of ${JSON.stringify(expected.audits)}`);
  const extraMail = beyond(got.notifications, expected.notifications);
  if (extraMail.length > 0) found.push(`sent again ${JSON.stringify(extraMail)}`);
  return found;
}

/**
 * Learns the fault-free change of the route (from the suite's control request), then fails each
 * step in turn and runs the random rounds, each on a fresh call, repeating until it succeeds.
 */
export async function exerciseResumable<C extends ResumableCall>(
  suite: ResumableSuite<C>,
  control: { before: StoreSnapshot; after: StoreSnapshot; call: C },
): Promise<ResumableOutcome> {
  const options = { ignore: suite.ignore, notifications: suite.notifications };
  const expected = countChange(control.before, control.after, { ...options, vary: control.call.vary ?? [] });
  const outcome: ResumableOutcome = { failures: [], notes: [], statuses: [] };
  let completedAlready = 0;
  let lostNotifications = 0;

  const run = async (label: string, arm: () => () => number): Promise<number> => {
    const call = await suite.prepare();
    const before = await suite.snapshot();
    const fail = (what: string) => outcome.failures.push(`${suite.route} [${label}]: ${what}`);
    const { first, last, injected } = await sendAndRepeat(suite, call, arm, fail);
    outcome.statuses.push(first);
    const got = countChange(before, await suite.snapshot(), { ...options, vary: call.vary ?? [] });
    const found = differences(got, expected);
    for (const difference of found) fail(difference);
    if (beyond(expected.notifications, got.notifications).length > 0) lostNotifications++;
    if (!ok(last.status)) {
      // The request's last step committed but its answer was lost: a repetition is refused as
      // already done (the call moved on, the judge sits on the panel). Only with the whole change.
      if ((last.status === 409 || last.status === 412) && found.length === 0) completedAlready++;
      else fail(`never succeeded: ${last.status} ${last.text.slice(0, 200)}`);
    }
    return injected;
  };

  let steps = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    const failed = await run(`step ${step + 1} fails`, () => failStep(suite.injector, step, 'server-error'));
    if (failed === 0) break;
    steps++;
    await run(`step ${step + 1} answer lost`, () => failStep(suite.injector, step, 'timeout-after'));
  }
  if (steps === 0) outcome.failures.push(`${suite.route}: no write step was ever failed`);
  for (let round = 0; round < suite.rounds; round++) {
    await run(`random round ${round + 1}`, () => {
      suite.injector.rate = suite.rate;
      return () => Number.NaN;
    });
  }
  outcome.notes.push(
    `  ${suite.route}: resumable, ${expected.items.length} item kinds and ${expected.audits.length} audit entries per write; ` +
      `${steps} write steps each failed, then repeated to the same end (${completedAlready} already complete when repeated, ` +
      `${lostNotifications} with a notification lost)`,
  );
  return outcome;
}
