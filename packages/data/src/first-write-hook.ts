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

interface FirstWriteHook {
  readonly run: () => Promise<void>;
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
  hook: () => Promise<void>,
  work: () => Promise<T>,
): Promise<{ result: T; fired: boolean }> {
  const state: FirstWriteHook = { run: () => hooks.exit(hook), closed: false };
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
    state.started ??= state.run();
    // A failed hook fails the write: nothing may commit that the hook did not announce.
    await state.started;
  }
  return next(args);
};

/** Installs the hook point on a DynamoDB client (plain and document clients share one stack). */
export function installFirstWriteHook(stack: MiddlewareStack<object, object>): void {
  stack.add(firstWriteMiddleware, { step: 'initialize', name: 'firstWriteHook', priority: 'high' });
}
