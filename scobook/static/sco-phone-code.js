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
