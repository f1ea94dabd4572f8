import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React renders on the build machine (the prerendered public pages) and while it adopts
 * that markup in the browser; true from the render after. Data already in the cache by then must
 * wait for `true`, or the first browser render would differ from the prerendered HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
