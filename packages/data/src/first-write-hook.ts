import { AsyncLocalStorage } from 'node:async_hooks';
import type { InitializeMiddleware, MiddlewareStack } from '@smithy/types';

/** Commands that change items, as the plain and the document client name them. */
const WRITE_COMMANDS = new Set([
  'Put',
  'PutItem',
  'Update',
  'UpdateItem',
  'Delete',
  'DeleteItem',
  'TransactWrite',
  'TransactWriteItems',
  'BatchWrite',
  'BatchWriteItem',
]);

/** The hook sees the first write's input: which items, hence which tenants, it is about to change. */
export type FirstWriteHookFn = (firstWriteInput: unknown) => Promise<void>;

interface FirstWriteHook {
  readonly run: (input: unknown) => Promise<void>;
  started?: Promise<void>;
  closed: boolean;
}

const hooks = new AsyncLocalStorage<FirstWriteHook>();

/**
 * Runs `work` so that `hook` runs once, right before the first item write `work` sends (and not at
 * all when it sends none). The summary refresh uses it to leave its stale marker only when a
 * request really writes: a request refused by validation touches nothing. The hook's own writes
 * run outside the scope, and writes started after `work` settled (a job it spawned) do not fire it.
 */
export async function withFirstWriteHook<T>(
  hook: FirstWriteHookFn,
  work: () => Promise<T>,
): Promise<{ result: T; fired: boolean }> {
  const state: FirstWriteHook = { run: (input) => hooks.exit(() => hook(input)), closed: false };
  try {
    const result = await hooks.run(state, work);
    return { result, fired: state.started !== undefined };
  } finally {
    state.closed = true;
  }
}

const firstWriteMiddleware: InitializeMiddleware<object, object> = (next, context) => async (args) => {
  const state = hooks.getStore();
  const command = String(context.commandName ?? '').replace(/Command$/, '');
  if (state && !state.closed && WRITE_COMMANDS.has(command)) {
    state.started ??= state.run(args.input);
    // A failed hook fails the write: nothing may commit that the hook did not announce.
    await state.started;
  }
  return next(args);
};

/** Installs the hook point on a DynamoDB client (plain and document clients share one stack). */
export function installFirstWriteHook(stack: MiddlewareStack<object, object>): void {
  stack.add(firstWriteMiddleware, { step: 'initialize', name: 'firstWriteHook', priority: 'high' });
}

/** The tenants whose partitions (`T#<code>#…`) a command's input names, in order of appearance. */
export function tenantCodesIn(input: unknown): string[] {
  const codes = new Set<string>();
  for (const match of JSON.stringify(input ?? null).matchAll(/"T#(\d{2}(?:\.\d{2})?)#/g)) {
    if (match[1]) codes.add(match[1]);
  }
  return [...codes];
}
