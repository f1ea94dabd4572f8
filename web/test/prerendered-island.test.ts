import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { apiQuery, firstSearchPath, readCatalogParams } from '../src/features/catalog/catalogParams.ts';

/**
 * public/prerendered.js runs before the app on the prerendered pages (docs/decisions/0034, 0053): it
 * starts the catalogue's first search, which the app then takes instead of asking again, and on
 * /katalog and /masuk it waits for the first interaction to load the app. Run here as the browser
 * would run it, with the little of the page it touches before the document is parsed.
 */
const SCRIPT = readFileSync(new URL('../public/prerendered.js', import.meta.url), 'utf8');

type Listener = (event: unknown) => void;

interface IslandRuntime {
  freeze(): void;
  adopted(): void;
}

interface Run {
  readonly requested: string[];
  readonly firstData: string[];
  readonly documentListeners: string[];
  readonly island: boolean;
  readonly waitsForParse: number;
  /** The document's listeners, in the order they were added, by event type. */
  readonly listeners: Map<string, Listener[]>;
  readonly runtime: IslandRuntime | undefined;
  /** Runs the timers set so far (the replay waits for one). */
  runTimers(): void;
}

/** Stand-ins for the DOM classes the script tells events' targets apart by. */
class FakeElement {
  closest(): null {
    return null;
  }
}
class FakeForm extends FakeElement {
  readonly isConnected = true;
  submitted = 0;
  constructor(private readonly action: boolean) {
    super();
  }
  hasAttribute(name: string): boolean {
    return name === 'action' && this.action;
  }
  requestSubmit(): void {
    this.submitted += 1;
  }
}
class FakeInput extends FakeElement {}
class FakeSelect extends FakeElement {}

function runScript(pathname: string, search = '', stored: Record<string, string> = {}): Run {
  const requested: string[] = [];
  const documentListeners: string[] = [];
  const listeners = new Map<string, Listener[]>();
  const timers: (() => void)[] = [];
  let waitsForParse = 0;
  const storage = { getItem: (key: string) => stored[key] ?? null };
  const window: Record<string, unknown> = { addEventListener: () => undefined };
  runInNewContext(SCRIPT, {
    window,
    location: { pathname, search },
    URLSearchParams,
    localStorage: storage,
    sessionStorage: storage,
    setTimeout: (run: () => void) => {
      timers.push(run);
      return timers.length;
    },
    Element: FakeElement,
    HTMLFormElement: FakeForm,
    HTMLInputElement: FakeInput,
    HTMLSelectElement: FakeSelect,
    fetch: (url: string) => {
      requested.push(url);
      return Promise.resolve({ ok: false });
    },
    document: {
      readyState: 'loading',
      querySelectorAll: () => [],
      querySelector: () => null,
      getElementById: () => null,
      addEventListener: (type: string, listener: Listener) => {
        if (type === 'DOMContentLoaded') waitsForParse += 1;
        else {
          documentListeners.push(type);
          listeners.set(type, [...(listeners.get(type) ?? []), listener]);
        }
      },
      removeEventListener: () => undefined,
    },
  });
  const firstData = Object.keys((window.inovasiFirstData as Record<string, unknown> | undefined) ?? {});
  return {
    requested,
    firstData,
    documentListeners,
    island: window.inovasiIsland !== undefined,
    waitsForParse,
    listeners,
    runtime: window.inovasiIsland as IslandRuntime | undefined,
    runTimers: () => {
      for (const run of timers.splice(0)) run();
    },
  };
}

describe('the prerendered pages’ script', () => {
  it.each([
    '',
    '?q=%20sehat%20',
    '?q=sehat&urut=recent',
    '?urut=bogus&year=2025&urusan=kesehatan,%20pendidikan,&region=35.22',
    '?theme=&kind=digital&q=',
    '?basicService=true&stage=penerapan&form=pelayanan_publik&province=35&urut=relevance',
  ])('asks for the catalogue search of %j exactly as the app will look it up', (search) => {
    const run = runScript('/katalog', search);
    const expected = firstSearchPath(apiQuery(readCatalogParams(new URLSearchParams(search))));
    expect(run.firstData).toEqual([expected]);
    expect(run.requested).toEqual([`/api/v1${expected}`]);
  });

  it('holds the app back on /katalog and /masuk until an interaction, and not on a detail', () => {
    for (const path of ['/katalog', '/katalog/', '/masuk']) {
      const run = runScript(path);
      expect(run.island).toBe(true);
      for (const trigger of ['pointerdown', 'touchstart', 'keydown', 'focusin', 'click', 'submit'])
        expect(run.documentListeners).toContain(trigger);
      // Nothing is loaded yet: loading would wait for the document first.
      expect(run.waitsForParse).toBe(0);
    }
    expect(runScript('/masuk').requested).toEqual([]);
    const detail = runScript('/katalog/35.22~01JDEMO00000000000000000000');
    expect(detail.island).toBe(false);
    expect(detail.requested).toEqual(['/api/v1/catalog/innovations/35.22~01JDEMO00000000000000000000']);
  });

  it('loads the app at once when the page must differ from the prerender: English, or a session', () => {
    const english = runScript('/katalog', '', { 'inovasi.lang': 'en' });
    expect(english.waitsForParse).toBeGreaterThan(0);
    const signedIn = runScript('/masuk', '', { 'inovasi.token': 'token' });
    expect(signedIn.waitsForParse).toBeGreaterThan(0);
  });

  it('leaves the GET search to the browser before React starts, and holds it while React takes over', () => {
    const submitted = (run: Run, form: FakeForm) => {
      const event = {
        target: form,
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
        stopPropagation: () => undefined,
      };
      for (const listener of run.listeners.get('submit') ?? []) listener(event);
      return event;
    };

    const before = runScript('/katalog');
    expect(submitted(before, new FakeForm(true)).prevented).toBe(false);

    // React has started (its handlers are live) but has not adopted the page: its submit handler
    // would search for what it knows, not for the text typed before, so the submit waits.
    const taking = runScript('/katalog');
    const search = new FakeForm(true);
    taking.runtime?.freeze();
    expect(submitted(taking, search).prevented).toBe(true);
    taking.runtime?.adopted();
    expect(search.submitted).toBe(0);
    taking.runTimers();
    expect(search.submitted).toBe(1);

    // Once adopted, the page's own handlers act for themselves.
    const adopted = new FakeForm(true);
    expect(submitted(taking, adopted).prevented).toBe(false);
    taking.runTimers();
    expect(adopted.submitted).toBe(0);
  });
});
