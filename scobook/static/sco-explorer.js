/* The book's explorers without a kernel (scobook/sphinx/explorers.py): when an explorer scrolls
   into view, its views are loaded from _explorers/<name>.js; the control then shows the view of
   the chosen value and the status line (aria-live) announces it. No framework, no network. */
(function () {
  "use strict";
  if (window.scoExplorerData) { return; }
  var loaded = {}, waiting = {};
  window.scoExplorerData = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (ready) { ready(data); });
    waiting[name] = [];
  };

  function load(section, ready) {
    var name = section.getAttribute("data-explorer");
    if (loaded[name]) { ready(loaded[name]); return; }
    var first = !waiting[name];
    (waiting[name] = waiting[name] || []).push(ready);
    if (!first) { return; }
    var script = document.createElement("script");
    script.src = section.getAttribute("data-src");
    script.onerror = function () {
      section.querySelector(".sco-explorer-status").textContent =
        "The explorer could not load its data; it keeps the view shown.";
    };
    document.head.appendChild(script);
  }

  function setup(section, data) {
    var view = section.querySelector(".sco-explorer-view");
    var status = section.querySelector(".sco-explorer-status");
    var map = section.querySelector(".sco-explorer-map");
    var number = section.querySelector("input[type=number]");
    var range = section.querySelector("input[type=range]");
    var select = section.querySelector("select");
    if (map && data.svg) { map.innerHTML = data.svg + data.key; map.hidden = false; }

    function show(value, announce) {
      var chosen = data.views[value];
      if (!chosen) { return; }
      view.innerHTML = chosen.html;
      if (announce) { status.textContent = chosen.announce; }
      if (map && data.svg) {
        var statuses = chosen.statuses || {};
        map.querySelectorAll("[data-iso3]").forEach(function (shape) {
          var key = statuses[shape.getAttribute("data-iso3")];
          shape.setAttribute("fill", key ? "url(#" + data.prefix + "-" + key + ")" : data.none);
        });
      }
      section.setAttribute("data-value", value);
    }

    if (number && range) {
      var fromNumber = function () {
        var year = parseInt(number.value, 10);
        if (isNaN(year)) { return; }
        year = Math.min(Math.max(year, +number.min), +number.max);
        number.value = range.value = year;
        show(String(year), true);
      };
      number.addEventListener("change", fromNumber);
      number.addEventListener("input", function () {
        if (String(number.value).length === 4) { fromNumber(); }
      });
      range.addEventListener("input", function () { number.value = range.value; show(range.value, true); });
      show(number.value, false);
    }
    var filters = section.querySelectorAll("select[data-field]");
    if (data.rows && filters.length) {
      /* a filter explorer: the rows whose fields match every list's choice, as filter_view does */
      var filter = function (announce) {
        var shown = data.rows.filter(function (row) {
          return Array.prototype.every.call(filters, function (list) {
            return list.value === data.all || row.fields[list.getAttribute("data-field")] === list.value;
          });
        });
        var sentence = data.announce.replace("{shown}", shown.length).replace("{total}", data.rows.length);
        var strong = document.createElement("strong");
        strong.textContent = sentence;
        view.innerHTML = '<p class="sco-explorer-result">' + strong.outerHTML + "</p>" + (shown.length
          ? "<ul>" + shown.map(function (row) { return row.html; }).join("") + "</ul>" : data.empty);
        if (announce) { status.textContent = sentence; }
        section.setAttribute("data-value", Array.prototype.map.call(filters, function (l) { return l.value; }).join("|"));
      };
      filters.forEach(function (list) { list.addEventListener("change", function () { filter(true); }); });
      filter(false);
    } else if (filters.length) {
      /* several lists: the view of their choices, joined by "|" */
      var chosen = function () {
        return Array.prototype.map.call(filters, function (l) { return l.value; }).join("|");
      };
      filters.forEach(function (list) { list.addEventListener("change", function () { show(chosen(), true); }); });
      show(chosen(), false);
    } else if (select) {
      select.addEventListener("change", function () { show(select.value, true); });
      show(select.value, false);
    }
    section.querySelector(".sco-explorer-controls").hidden = false;
  }

  function start() {
    document.querySelectorAll(".sco-explorer").forEach(function (section) {
      var go = function () { load(section, function (data) { setup(section, data); }); };
      if (!("IntersectionObserver" in window)) { go(); return; }
      var watch = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) { watch.disconnect(); go(); }
      }, { rootMargin: "300px" });
      watch.observe(section);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
