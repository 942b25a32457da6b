// Opens the app of the contract chosen last (a setting: localStorage
// `shuno.contract`, written by the apps). Each contract is an app of its own;
// this runs before the page's Wasm is fetched. Served build only: the single
// files are opened by name.
(function () {
  var pages = { national_pension: './', municipal_call_centre: 'call-centre.html' };
  var here = document.currentScript.getAttribute('data-contract');
  var chosen;
  try {
    chosen = JSON.parse(localStorage.getItem('shuno.contract'));
  } catch (e) {
    chosen = null;
  }
  if (chosen && chosen !== here && pages[chosen]) {
    location.replace(pages[chosen] + location.hash);
  }
})();
