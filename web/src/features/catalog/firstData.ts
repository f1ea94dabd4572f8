declare global {
  interface Window {
    /** Answers public/prerendered.js started before the app loaded, by API path (without /api/v1). */
    inovasiFirstData?: Record<string, Promise<unknown> | undefined>;
  }
}

/**
 * The answer public/prerendered.js already asked for, once: undefined when it did not ask, or when
 * its request failed (the app then asks itself, and shows the error its own way).
 */
export async function takeFirstData<T>(apiPath: string): Promise<T | undefined> {
  const started = window.inovasiFirstData?.[apiPath];
  if (!started) return undefined;
  delete window.inovasiFirstData?.[apiPath];
  return (await started) as T | undefined;
}

/** The id of the data block a server-rendered catalogue detail carries (functions/api/src/catalog-detail-page.ts). */
export const SERVER_DATA_ID = 'inovasi-first-data';

interface ServerDetail {
  readonly catalogId: string;
  readonly html: string;
  readonly data: unknown;
}

let serverDetail: ServerDetail | undefined;

/**
 * Reads, once and before React starts, what the server put in a catalogue detail's HTML: the
 * innovation's data (so the app asks for nothing) and the filled-in markup (so hydration adopts it
 * unchanged). Undefined on any other page, or when the block is missing or unreadable.
 */
export function captureServerDetail(
  location: { pathname: string },
  doc: Pick<Document, 'getElementById' | 'querySelector'> = document,
): ServerDetail | undefined {
  const match = /^\/katalog\/([^/]+)\/?$/.exec(location.pathname);
  const block = doc.getElementById(SERVER_DATA_ID);
  const container = doc.querySelector('[data-catalog-detail]');
  if (!match?.[1] || !block || !container) return undefined;
  const catalogId = decodeURIComponent(match[1]);
  if (block.getAttribute('data-catalog-id') !== catalogId) return undefined;
  try {
    serverDetail = { catalogId, html: container.innerHTML, data: JSON.parse(block.textContent ?? '') };
  } catch {
    return undefined;
  }
  return serverDetail;
}

/** The server-rendered markup of this detail, to adopt while hydrating; undefined otherwise. */
export function serverRenderedDetail(catalogId: string): string | undefined {
  return serverDetail?.catalogId === catalogId ? serverDetail.html : undefined;
}

/** The data the server rendered this detail from (the object put in the query cache); undefined otherwise. */
export function serverRenderedData(catalogId: string): unknown {
  return serverDetail?.catalogId === catalogId ? serverDetail.data : undefined;
}
