// The prerendered public pages' only script before the app (docs/decisions/0034). A classic file,
// because the Content-Security-Policy allows no inline script or event handler.
(() => {
  // 1. The full stylesheet loads without blocking the first paint (media="print", the inlined
  //    critical rules paint meanwhile) and applies once it has arrived, in its place in <head>, so
  //    Mantine's own <style> elements in the body still come after it.
  for (const link of document.querySelectorAll('link[data-prerendered-styles]')) {
    const apply = () => {
      link.media = 'all';
    };
    if (link.sheet) apply();
    else link.addEventListener('load', apply);
  }

  // 2. The data of a catalogue page starts now, while the app's JavaScript is still on its way: the
  //    catalogue's first page without a search, or one innovation's detail. The app takes the
  //    answer from `window.inovasiFirstData` (src/features/catalog/firstData.ts) and asks again
  //    itself when it is missing or failed.
  const path = location.pathname.replace(/\/$/, '');
  let api;
  if (path === '/katalog' && location.search === '') api = '/catalog/innovations?limit=20';
  const detail = /^\/katalog\/([^/]+)$/.exec(path);
  if (detail) api = `/catalog/innovations/${detail[1]}`;
  if (!api) return;
  // A detail the server filled in carries its data (functions/api/src/catalog-detail-page.ts).
  if (detail && document.getElementById('inovasi-first-data')) return;
  let language = 'id';
  try {
    if (localStorage.getItem('inovasi.lang') === 'en') language = 'en';
  } catch {
    // Storage blocked: Bahasa Indonesia, as the app decides.
  }
  const answer = fetch(`/api/v1${api}`, { headers: { 'Accept-Language': language } })
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined);
  window.inovasiFirstData = { [api]: answer };
})();
