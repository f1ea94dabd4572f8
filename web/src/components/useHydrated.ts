import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';

const never = () => () => {};
const constant = () => 0;

/**
 * False while React renders on the build machine (the prerendered public pages) and while it adopts
 * that markup in the browser; true from the render after. Data already in the cache by then must
 * wait for `true`, or the first browser render would differ from the prerendered HTML.
 *
 * The flip is a state update inside a transition, so the render that brings the real content (the
 * results, a detail) is time-sliced. A store whose server snapshot differs from the client's would
 * give the same answers, but React re-renders such a component synchronously after hydration: on
 * the catalogue that was one task of several hundred milliseconds, counted whole by Total Blocking
 * Time (docs/decisions/0050). React calls a store's `getServerSnapshot` only on the server and while
 * hydrating, which is how a component tells it is being adopted; both snapshots are equal, so the
 * store itself never causes a render.
 */
export function useHydrated(): boolean {
  let adopting = false;
  useSyncExternalStore(never, constant, () => {
    adopting = true;
    return 0;
  });
  const [hydrated, setHydrated] = useState(!adopting);
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return hydrated;
}
