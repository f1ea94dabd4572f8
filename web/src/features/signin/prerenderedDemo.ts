import { useSyncExternalStore } from 'react';

/**
 * Whether the sign-in page shows the demo directory before its settings have arrived. The local
 * server in demo mode serves a prerender of /masuk with the directory's frame (marked `data-demo`
 * on <html>, web/scripts/prerender.mjs), so the page neither waits for JavaScript to show it nor
 * shifts when it appears; AWS never runs in demo mode and serves the page without it.
 */
let prerenderingDemo = false;

/** For the build's prerender only (src/prerender.tsx). */
export function prerenderDemoDirectory(value: boolean): void {
  prerenderingDemo = value;
}

const unchanging = () => () => {};
const markedInPage = () =>
  typeof document !== 'undefined' && document.documentElement.hasAttribute('data-demo');

export function usePrerenderedDemo(): boolean {
  return useSyncExternalStore(unchanging, markedInPage, () =>
    typeof document === 'undefined' ? prerenderingDemo : markedInPage(),
  );
}
