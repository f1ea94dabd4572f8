// The prerendered public pages' only script before the app (docs/decisions/0034, 0053). A classic
// file, because the Content-Security-Policy allows no inline script or event handler.
(() => {
  /**
   * Quiet time after `load` before the app is fetched without an interaction: Time to Interactive's
   * 5 s window, plus the service worker's precache that follows `load`.
   */
  const IDLE_AFTER_MS = 8000;
  const TRIGGERS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel'];
  const FACETS = ['urusan', 'basicService', 'theme', 'kind', 'form', 'stage', 'province', 'region', 'year'];

  applyStylesheets();
  const language = stored(() => localStorage, 'inovasi.lang') === 'en' ? 'en' : 'id';
  const signedIn = stored(() => sessionStorage, 'inovasi.token') !== null;
  const path = location.pathname.replace(/\/$/, '');
  const address = new URLSearchParams(location.search);
  const answer = startFirstData();
  // 3. `/katalog` and `/masuk` work before the app has loaded (docs/decisions/0053): links and the
  //    catalogue's GET search are the browser's own, the catalogue's first results are filled in
  //    from a template the build rendered with the app's own component, and the app is imported on
  //    the first interaction, or once the page has been idle for a while. A click on a button that
  //    needs the app, a form without an action and the text typed meanwhile are held back and
  //    replayed once the app has adopted the page (`adopted()`, src/components/Island.tsx).
  if (path === '/katalog' || path === '/masuk') island();

  /**
   * 1. The full stylesheet loads without blocking the first paint (media="print", the inlined
   *    critical rules paint meanwhile) and applies once it has arrived, in its place in <head>, so
   *    Mantine's own <style> elements in the body still come after it.
   */
  function applyStylesheets() {
    for (const link of document.querySelectorAll('link[data-prerendered-styles]')) {
      const apply = () => {
        link.media = 'all';
      };
      if (link.sheet) apply();
      else link.addEventListener('load', apply);
    }
  }

  function stored(storage, key) {
    try {
      // Reading `localStorage` itself throws where storage is blocked.
      return storage().getItem(key);
    } catch {
      // Storage blocked: Bahasa Indonesia and nobody signed in, as the app decides.
      return null;
    }
  }

  /**
   * 2. The data of a catalogue page starts now, while the app's JavaScript is still on its way: the
   *    catalogue's first page for the address's search, or one innovation's detail. The app takes
   *    the answer from `window.inovasiFirstData` (src/features/catalog/firstData.ts) and asks again
   *    itself when it is missing or failed.
   */
  function startFirstData() {
    const detail = /^\/katalog\/([^/]+)$/.exec(path);
    const api = detail ? `/catalog/innovations/${detail[1]}` : path === '/katalog' ? firstSearchPath() : '';
    // A detail the server filled in carries its data (functions/api/src/catalog-detail-page.ts).
    if (!api || (detail && document.getElementById('inovasi-first-data'))) return undefined;
    const started = fetch(`/api/v1${api}`, { headers: { 'Accept-Language': language } })
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    window.inovasiFirstData = { [api]: started };
    return started;
  }

  /** The API path of a search's first page, as src/features/catalog/catalogParams.ts builds it. */
  function firstSearchPath() {
    const query = { limit: '20' };
    const q = (address.get('q') ?? '').trim();
    if (q) query.q = q;
    const sort = address.get('urut');
    if (sort === 'relevance' || sort === 'recent') query.sort = sort;
    for (const facet of FACETS) {
      const values = (address.get(facet) ?? '')
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean);
      if (values.length > 0) query[facet] = values.join(',');
    }
    const entries = Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `/catalog/innovations?${new URLSearchParams(entries).toString()}`;
  }

  function parsed(run) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
    else run();
  }

  function json(id) {
    try {
      return JSON.parse(document.getElementById(id)?.textContent ?? 'null');
    } catch {
      return null;
    }
  }

  function addLinks(rel, hrefs) {
    for (const href of hrefs) {
      const link = document.createElement('link');
      link.rel = rel;
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
  }

  function island() {
    const held = [];
    const typed = new Map();
    const state = { started: false, adopted: false, frozen: false, finishFilling: undefined };

    /** Nothing more is held back: what was is dropped, the page's own elements act for themselves. */
    const release = () => {
      state.adopted = true;
      held.length = 0;
      typed.clear();
    };
    const start = () => {
      if (state.started) return;
      state.started = true;
      for (const type of TRIGGERS) document.removeEventListener(type, start, true);
      parsed(() => {
        const modules = json('inovasi-app-modules');
        if (!modules) return release();
        addLinks('modulepreload', modules.preload);
        // Without the app (offline, a failed chunk) the page keeps what works without it.
        import(modules.entry).catch(release);
      });
    };

    for (const type of TRIGGERS) document.addEventListener(type, start, { capture: true, passive: true });
    holdBack(state, held, typed, start);
    window.inovasiIsland = {
      filled: {},
      freeze() {
        state.finishFilling?.();
        state.frozen = true;
        // Should the page never say it was adopted (an error page instead), its buttons must not stay held.
        setTimeout(() => {
          if (!state.adopted) release();
        }, 15000);
      },
      adopted() {
        if (state.adopted) return;
        state.adopted = true;
        replayTyped(typed);
        // After React has committed the typed values, so a replayed submit sends them.
        const actions = held.splice(0);
        setTimeout(() => {
          for (const action of actions) action();
        }, 0);
      },
    };

    // The page has to say something the prerender could not: the app at once.
    if (language !== 'id' || signedIn) start();
    else whenIdle(start);
    if (path === '/katalog' && answer && language === 'id')
      answer.then((data) => parsed(() => fillResults(data, state, start)));
  }

  function holdBack(state, held, typed, start) {
    const remember = (event) => {
      const field = event.target;
      if (!state.adopted && (field instanceof HTMLInputElement || field instanceof HTMLSelectElement))
        typed.set(field, field.value);
    };
    document.addEventListener('input', remember, true);
    document.addEventListener('change', remember, true);
    const hold = (event, action) => {
      event.preventDefault();
      event.stopPropagation();
      held.push(action);
    };
    document.addEventListener(
      'click',
      (event) => {
        if (state.adopted) return;
        start();
        const button = event.target instanceof Element ? event.target.closest('button') : null;
        // A submit button submits its form: the submit event decides. Links stay the browser's.
        if (!button || button.disabled || (button.type === 'submit' && button.form)) return;
        hold(event, () => button.isConnected && button.click());
      },
      true,
    );
    document.addEventListener(
      'submit',
      (event) => {
        if (state.adopted) return;
        start();
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) return;
        // A form with an action (the catalogue's search) works as a plain GET request until React
        // has started: from then on React's handler takes the submit, and until the page is adopted
        // it would send what React knows, without the text typed before.
        if (form.hasAttribute('action') && !state.frozen) return;
        hold(event, () => form.isConnected && form.requestSubmit());
      },
      true,
    );
  }

  function replayTyped(typed) {
    for (const [field, value] of typed) {
      if (!field.isConnected) continue;
      if (field instanceof HTMLSelectElement) {
        field.value = value;
        field.dispatchEvent(new Event('change', { bubbles: true }));
        continue;
      }
      // React notices a change only against the value it last knew: make that differ, then put
      // the typed value in place through the element's own setter and say so.
      field.value = value === '' ? ' ' : '';
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    typed.clear();
  }

  function whenIdle(start) {
    // Nothing is fetched before: downloads right after `load` kept the network busy, which delays
    // what a page's idle moment is.
    const idle = () => {
      setTimeout(() => {
        if (window.requestIdleCallback) window.requestIdleCallback(start, { timeout: 2000 });
        else start();
      }, IDLE_AFTER_MS);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }

  /** The catalogue's first results into the prerendered page, as the app's ResultList renders them. */
  function fillResults(data, state, start) {
    if (state.frozen || state.adopted) return;
    const labels = json('inovasi-result-labels');
    const slot = document.querySelector('[data-island="catalog-results"]');
    const total = document.querySelector('[data-island="catalog-total"]');
    const list = document
      .getElementById('inovasi-result-template')
      ?.content.querySelector('[data-testid="catalog-results"]');
    const card = list?.firstElementChild;
    // What the template does not cover (no result, a partial match's notice, an error) is the app's.
    const covered = data?.items?.length > 0 && data.matchedAllWords !== false;
    if (!covered || !labels || !slot || !total || !card) return start();
    fillSearchFromAddress();
    const shown = list.cloneNode(false);
    const cards = data.items.map((item) => fillCard(card.cloneNode(true), item, labels));
    // The first cards fill a phone's screen; the rest are added in a task of their own.
    shown.append(...cards.slice(0, 4));
    slot.replaceChildren(shown);
    total.textContent = labels.total.replace('{count}', String(data.total));
    window.inovasiIsland.filled['catalog-total'] = data.total;
    window.inovasiIsland.filled['catalog-results'] = data;
    if (cards.length <= 4) return;
    state.finishFilling = () => {
      state.finishFilling = undefined;
      shown.append(...cards.slice(4));
    };
    setTimeout(() => state.finishFilling?.(), 0);
  }

  /** The search box and the sort say what the address asks for, as the app's would. */
  function fillSearchFromAddress() {
    const q = address.get('q');
    const box = document.querySelector('input[name="q"]');
    if (box && q) box.value = q;
    const sort = document.querySelector('select[name="urut"]');
    const urut = address.get('urut');
    const chosen = urut === 'relevance' || urut === 'recent' ? urut : undefined;
    if (sort) sort.value = chosen ?? (q?.trim() ? 'relevance' : 'recent');
  }

  function fillCard(card, item, labels) {
    const values = cardValues(item, labels);
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    const absent = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const token = /__[a-z]+__/.exec(node.nodeValue ?? '')?.[0];
      if (!token || !(token in values)) continue;
      // A missing value has no badge at all, as in the app.
      if (values[token] === undefined) absent.push(node.parentElement?.closest('.mantine-Badge-root'));
      else node.nodeValue = values[token];
    }
    for (const badge of absent) badge?.remove();
    for (const link of card.querySelectorAll('a[href]'))
      link.setAttribute('href', link.getAttribute('href').replace('__id__', item.catalogId));
    return card;
  }

  /** The placeholders' values (src/prerender.tsx, CARD_TOKENS); undefined drops the badge. */
  function cardValues(item, labels) {
    const sameName = item.region.code === item.province.code || item.region.name === item.province.name;
    const label = (table, value) => (value ? (table[value] ?? value) : undefined);
    return {
      __name__: item.name,
      __region__: sameName ? item.region.name : `${item.region.name} · ${item.province.name}`,
      __opd__: item.opdName ?? '',
      __stage__: label(labels.stage, item.stage),
      __kind__: label(labels.kind, item.kind),
      __year__: item.year ? String(item.year) : undefined,
      __band__: item.kematanganBand
        ? (labels.band[item.kematanganBand] ?? `catalog.band.${item.kematanganBand}`)
        : undefined,
      __summary__: item.summary ?? '',
    };
  }
})();
