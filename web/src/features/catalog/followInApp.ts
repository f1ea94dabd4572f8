import type { MouseEvent } from 'react';
import type { NavigateFunction } from 'react-router';

/**
 * Markup the app adopted rather than rendered (the server's detail, docs/decisions/0044; the
 * catalogue's first results, docs/decisions/0053) has plain links: followed inside the app, as
 * React's own links are, instead of loading the whole page again. A modified click, a link to
 * another origin or a new window stays the browser's.
 */
export function followInApp(event: MouseEvent<HTMLElement>, navigate: NavigateFunction): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || link.target) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}
