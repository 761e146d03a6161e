// Two keyboard fixes to the theme (pydata-sphinx-theme 0.17.1; see scobook/sphinx/theme.py):
//
// 1. WCAG 2.4.3 Focus Order: below about 1200 px the page's "Contents" opens as a dialog; choosing
//    a section scrolled there, but closing the dialog put focus back on the button at the top, so
//    the next Tab jumped the page back up. Focus now moves to the chosen section's heading.
// 2. WCAG 1.4.13 Content on Hover or Focus: the header buttons' tooltips stayed up after Escape.
//    Escape now closes every open tooltip.
(function () {
  "use strict";
  var pending = null;

  function focusSection(target) {
    var heading = /^H[1-6]$/.test(target.tagName) ? target : target.querySelector("h1, h2, h3, h4, h5, h6") || target;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
  }

  function settle() {
    if (pending) {
      var target = pending;
      pending = null;
      focusSection(target);
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link || !link.closest("dialog, .bd-sidebar-secondary, .bd-toc")) return;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    pending = target;
    window.setTimeout(settle, 250);  // after the dialog has closed and handed focus back
  }, true);

  document.addEventListener("close", function () { window.setTimeout(settle, 0); }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".tooltip").forEach(function (tip) { tip.remove(); });
  });
})();
