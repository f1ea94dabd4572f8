// Starts the data of a prerendered catalogue page while the app's JavaScript is still on its way
// (docs/decisions/0034): the catalogue's first page without a search, or one innovation's detail.
// The app takes the answer from `window.inovasiFirstData` (src/features/catalog/firstData.ts) and asks
// again itself when it is missing or failed. A classic script, because the Content-Security-Policy
// allows no inline script.
(() => {
  const path = location.pathname.replace(/\/$/, '');
  let api;
  if (path === '/katalog' && location.search === '') api = '/catalog/innovations?limit=20';
  const detail = /^\/katalog\/([^/]+)$/.exec(path);
  if (detail) api = `/catalog/innovations/${detail[1]}`;
  if (!api) return;
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
