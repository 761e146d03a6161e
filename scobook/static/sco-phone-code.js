// On a phone (under 600 px) the lesson's visible code cells fold under one line, "Show the code
// (N lines)", so a notebook's page reads as its text, outputs and charts; a tap opens the code,
// which wraps at the screen's edge (sco-phone.css). Wider screens, printing (sco-print.js opens
// every fold) and pages without JavaScript show the code as it is.
(function () {
  "use strict";
  if (!window.matchMedia || !window.matchMedia("(max-width: 599.98px)").matches) return;
  function fold() {
    document.querySelectorAll(".bd-content div.cell > div.cell_input").forEach(function (input) {
      if (input.closest("details")) return;  // already folded (the book's hidden cells)
      var lines = input.textContent.replace(/\s+$/, "").split("\n").length;
      var details = document.createElement("details");
      details.className = "sco-phone-code";
      var summary = document.createElement("summary");
      summary.textContent = "Show the code (" + lines + (lines === 1 ? " line)" : " lines)");
      input.parentNode.insertBefore(details, input);
      details.appendChild(summary);
      details.appendChild(input);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fold); else fold();
})();

// A pandas table wider than its box scrolls sideways inside it: say so in words above it (the edge
// shadows alone went unnoticed), and let the keyboard scroll it (a focusable, named region).
(function () {
  "use strict";
  var count = 0;
  function mark() {
    document.querySelectorAll(".bd-content div.cell_output div.text_html > div:has(> table.dataframe)").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth + 1 || box.previousElementSibling && box.previousElementSibling.classList.contains("sco-scroll-note")) return;
      var columns = box.querySelectorAll("table.dataframe thead tr:last-child th").length;
      var note = document.createElement("p");
      note.className = "sco-scroll-note";
      note.textContent = "Wider than the screen: swipe the table sideways (or use the arrow keys on it) to see all " + columns + " columns.";
      box.parentNode.insertBefore(note, box);
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      count += 1;  // each region its own name (landmarks must differ): its number and first columns
      var heads = Array.prototype.map.call(box.querySelectorAll("table.dataframe thead tr:last-child th"), function (th) {
        return th.textContent.trim();
      }).filter(Boolean).slice(0, 3);
      box.setAttribute("aria-label", "Wide table " + count + " (" + heads.join(", ") + "), scrolls sideways");
    });
  }
  // After the first frame, not with the page's other start-up work: reading a box's width makes the
  // browser lay the page out at once, and in the same task as the folding above that held a slow
  // phone's page still for a tenth of a second.
  function later() {
    (window.requestAnimationFrame || setTimeout)(function () { setTimeout(mark, 0); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later); else later();
  window.addEventListener("resize", mark);
})();
