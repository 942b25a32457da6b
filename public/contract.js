// The start page (index.html) opens the app of the contract chosen last: a
// setting (localStorage `shuno.contract`) written only when the user chooses a
// contract in the header. Each contract is an app of its own; this runs before
// the page's Wasm is fetched. The other apps' pages open as they are (a link
// or a bookmark to call-centre.html or dunning.html is never sent back). Served build only:
// the single files are opened by name.
(function () {
  var pages = { municipal_call_centre: 'call-centre.html', workers_compensation_dunning: 'dunning.html' };
  var chosen;
  try {
    chosen = JSON.parse(localStorage.getItem('shuno.contract'));
  } catch (e) {
    chosen = null;
  }
  if (pages[chosen]) {
    location.replace(pages[chosen] + location.hash);
  }
})();
