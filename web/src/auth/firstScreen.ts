import { useEffect, useState } from 'react';

/**
 * "The first screen has its content": the signed-in layout says so once the route it shows has
 * rendered (src/shell/AppLayout.tsx). Work the first paint does not need, such as loading the
 * session renewal client, waits for it, so a slow connection spends its first seconds on the screen
 * the person opened (docs/decisions/0051).
 */
let markShown: () => void = () => {};
const shown = new Promise<void>((resolve) => {
  markShown = resolve;
});

export function markFirstScreenShown(): void {
  markShown();
}

/**
 * Resolves in the first idle moment after the first screen was shown. A screen that never arrives
 * (its chunk failed, the person stays on an error) must not hold the work back for ever: after
 * `fallbackMs` it goes ahead anyway.
 */
export function afterFirstScreen(fallbackMs = 10_000): Promise<void> {
  const fallback = new Promise<void>((resolve) => setTimeout(resolve, fallbackMs));
  return Promise.race([shown, fallback]).then(
    () =>
      new Promise<void>((resolve) => {
        // Safari has no requestIdleCallback: the next task is the closest it offers.
        if (typeof window.requestIdleCallback === 'function')
          window.requestIdleCallback(() => resolve(), { timeout: 2_000 });
        else setTimeout(resolve, 0);
      }),
  );
}

/** False until `afterFirstScreen()` has resolved: for parts a screen mounts only once it is there. */
export function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let mounted = true;
    void afterFirstScreen().then(() => {
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return ready;
}
