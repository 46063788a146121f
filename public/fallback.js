// Roundtrip's fallback (a classic script: it loads without CORS where the app's module scripts
// cannot, as in a sandboxed frame on a host that sends no Access-Control-Allow-Origin). When one of
// the app's scripts or stylesheets fails to load it shows the page's help at once instead of an
// empty box. It writes one attribute and nothing else; the app replaces #root's content when it starts.
window.addEventListener(
  'error',
  function (event) {
    var element = event.target;
    if (!(element instanceof HTMLScriptElement || element instanceof HTMLLinkElement)) return;
    var fallback = document.getElementById('rt-fallback');
    if (fallback) fallback.setAttribute('data-failed', '');
  },
  true,
);
