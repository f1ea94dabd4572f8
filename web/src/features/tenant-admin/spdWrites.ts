import { useQueryClient } from '@tanstack/react-query';
import type { SpdAnswers } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';

const queues = new Map<string, Promise<unknown>>();

/**
 * The SPD answers of a region and period are one record with one version, and every row's save and
 * review bumps it: writes from this page go one at a time, each sending the version the previous one
 * returned (read from the cache when its turn comes), so only someone else's change can be stale.
 */
export function useSpdWrites(code: string, year: number) {
  const queryClient = useQueryClient();
  const key = queryKeys.spd(code, year);
  return {
    /** Runs `write` after the page's earlier SPD writes, with the version they left. */
    inTurn<T>(write: (version: number) => Promise<T>): Promise<T> {
      const queueKey = JSON.stringify(key);
      const previous = queues.get(queueKey) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(() => write(queryClient.getQueryData<SpdAnswers>(key)?.version ?? 0));
      queues.set(queueKey, next);
      return next;
    },
    /** Takes the server's answer as the page's state and refreshes what it feeds. */
    adopt(saved: SpdAnswers) {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projection(code, year) });
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.scoring(code), 'advice'] });
    },
    /** Loads the latest answers after a conflict; drafts on the page stay. */
    reload() {
      return queryClient.invalidateQueries({ queryKey: key });
    },
  };
}
