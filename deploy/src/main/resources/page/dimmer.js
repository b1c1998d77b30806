// Dimmer status pages: draws each evidence table as a uPlot chart above it, on load and after every live swap.
// No inline script anywhere: the Content-Security-Policy allows scripts from this server only.
(function () {
  "use strict";
  var palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];

  function draw(table) {
    if (typeof uPlot === "undefined") { return; }
    var target = document.getElementById(table.getAttribute("data-chart"));
    if (!target || target.getAttribute("data-drawn") === "1") { return; }
    var heads = table.querySelectorAll("thead th");
    var names = [];
    for (var h = 2; h < heads.length; h++) { names.push(heads[h].textContent); }
    var xs = [];
    var ys = names.map(function () { return []; });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var cells = row.querySelectorAll("td");
      xs.push(Number(cells[0].getAttribute("data-t")));
      for (var i = 0; i < names.length; i++) {
        var text = cells[i + 2] ? cells[i + 2].textContent.trim() : "";
        ys[i].push(text === "" ? null : Number(text));
      }
    });
    if (xs.length === 0) { return; }
    var series = [{ label: "time" }].concat(names.map(function (name, i) {
      return { label: name, stroke: palette[i % palette.length], width: 2, dash: i % 2 ? [6, 4] : undefined,
               points: { show: true } };
    }));
    var width = Math.max(280, Math.min(target.parentNode.clientWidth || 640, 900));
    // axes in the page's own ink (dark or light), times in UTC as every time on the pages
    var ink = getComputedStyle(target).color;
    var axis = { stroke: ink, grid: { stroke: "rgba(128,128,128,0.35)" }, ticks: { stroke: "rgba(128,128,128,0.6)" } };
    new uPlot({ width: width, height: 220, series: series, axes: [axis, axis],
                tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); } },
              [xs].concat(ys), target);
    target.setAttribute("data-drawn", "1");
    // only a drawn chart is an image; without script the table below stands alone
    target.setAttribute("role", "img");
    target.setAttribute("aria-label", target.getAttribute("data-label"));
    var details = table.closest("details");
    if (details) { details.removeAttribute("open"); }
  }

  function drawAll(root) {
    (root || document).querySelectorAll("table.chart-data").forEach(draw);
  }

  // A page left for another ends its live stream at once: a browser opens only six connections to one server, and
  // a page it keeps for the Back button would hold one (after a few pages nothing loads any more). A page brought
  // back from that cache reloads, to show what changed meanwhile with a live stream of its own.
  window.addEventListener("pagehide", function () {
    if (typeof htmx === "undefined") { return; }
    document.querySelectorAll("[sse-connect]").forEach(function (element) {
      htmx.trigger(element, "htmx:beforeCleanupElement");
    });
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { location.reload(); }
  });

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function () { drawAll(document); });
})();
