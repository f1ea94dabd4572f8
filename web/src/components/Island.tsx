import { type HTMLAttributes, type ReactNode, useEffect } from 'react';

/**
 * The prerendered `/katalog` and `/masuk` work before the app has loaded (docs/decisions/0053):
 * public/prerendered.js fills some of their parts from the first data (the catalogue's results)
 * and loads the app on the first interaction or once the page has been idle. What the visitor did
 * meanwhile is replayed once the page has been adopted. This module is the app's side of that.
 */
interface IslandRuntime {
  /** The data each filled part was rendered from, by part name. */
  readonly filled: Record<string, unknown>;
  /** Stops the script from writing into the page: React adopts it from now on. */
  freeze(): void;
  /** The page has been adopted: what the visitor typed and clicked before is replayed. */
  adopted(): void;
}

declare global {
  interface Window {
    inovasiIsland?: IslandRuntime;
  }
}

interface Captured {
  readonly html: string;
  readonly data: unknown;
}

const captured = new Map<string, Captured>();

/**
 * Reads, once and right before React starts, the parts the script filled in: React adopts that
 * markup as it is while hydrating (it cannot know it), and keeps it while it shows the same data.
 */
export function captureIslands(doc: Document = document): void {
  const runtime = typeof window === 'undefined' ? undefined : window.inovasiIsland;
  if (!runtime) return;
  runtime.freeze();
  for (const [name, data] of Object.entries(runtime.filled)) {
    const element = doc.querySelector(`[data-island="${name}"]`);
    if (element) captured.set(name, { html: element.innerHTML, data });
  }
}

/** The data a part was filled from before the app loaded, to tell whether React would show the same. */
export function islandData(name: string): unknown {
  return captured.get(name)?.data;
}

/**
 * One part of a prerendered page the script may have filled in. While `keep` (and the script did
 * fill it), it renders the script's markup as it is, so hydration finds exactly what is on screen;
 * otherwise its children. The element and its attributes are the same either way.
 */
export function Island({
  name,
  as = 'div',
  keep,
  children,
  ...rest
}: {
  name: string;
  as?: 'div' | 'span';
  keep: boolean;
  children?: ReactNode;
} & HTMLAttributes<HTMLElement>) {
  const adopted = keep ? captured.get(name) : undefined;
  const Tag = as;
  return adopted ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: the page's own markup, read back from the DOM before React started
    <Tag {...rest} data-island={name} dangerouslySetInnerHTML={{ __html: adopted.html }} />
  ) : (
    <Tag {...rest} data-island={name}>
      {children}
    </Tag>
  );
}

/**
 * Tells the script that the page is adopted once `ready` (its handlers are live, its state final):
 * the typing and clicks it held back are then replayed on the page's own elements.
 */
export function useIslandAdopted(ready: boolean): void {
  useEffect(() => {
    if (ready) window.inovasiIsland?.adopted();
  }, [ready]);
}
