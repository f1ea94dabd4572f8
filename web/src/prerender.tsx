/**
 * Build-time render of the public pages' first view (web/scripts/prerender.mjs): the same app tree
 * as in the browser, under a static router, with nobody signed in and no data fetched. What needs
 * data (results, a detail) renders its loading state, exactly as the browser's first render does.
 */
import { QueryClient } from '@tanstack/react-query';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { App } from './AppProviders.tsx';
import { prerenderDemoDirectory } from './features/signin/prerenderedDemo.ts';

/** `demoDirectory`: the local demo mode's /masuk, with the demo directory's frame (src/features/signin/prerenderedDemo.ts). */
export async function render(url: string, options: { demoDirectory?: boolean } = {}): Promise<string> {
  prerenderDemoDirectory(options.demoDirectory ?? false);
  // Nothing is fetched on the build machine: every query stays pending.
  const queryClient = new QueryClient({ defaultOptions: { queries: { enabled: false, retry: false } } });
  const { prelude } = await prerenderToNodeStream(
    <App
      queryClient={queryClient}
      router={(routes) => <StaticRouter location={url}>{routes}</StaticRouter>}
    />,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
