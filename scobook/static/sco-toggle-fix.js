/* Make every sidebar toggle work (menu and "On this page", on phones and on the desktop).
 *
 * pydata-sphinx-theme 0.17 added a second ".primary-toggle" / ".secondary-toggle" button to the
 * header, and both themes bind their click handlers with document.querySelector(), i.e. to the
 * first, hidden button only: the visible buttons do nothing. Upstream: pydata-sphinx-theme#2451,
 * sphinx-book-theme#988 and #999 (fix proposed in sphinx-book-theme PR #991). Drop this file when
 * a release with that fix is pinned. It forwards a click on any other toggle to the first one,
 * which runs the themes' own code (drawer on phones, collapse on wide screens).
 */
(function () {
  function forward(selector) {
    var toggles = document.querySelectorAll(selector);
    for (var i = 1; i < toggles.length; i++) {
      toggles[i].addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        toggles[0].click();
      });
    }
  }
  function setup() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
