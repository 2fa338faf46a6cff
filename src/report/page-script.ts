// The report page's own script (browser JavaScript, kept as text and inlined after Chart.js): it
// reads the embedded data and draws each chart on a canvas. Every canvas says how many series it
// should show (data-series), which the browser test checks against what Chart.js drew. Animation
// is off, so the page is complete as soon as it loads (and screenshots are stable).
export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("splitsim-data").textContent);
  var PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
  var CAUSES = [["busy", "#0072B2"], ["fill", "#bbbbbb"], ["drain", "#dddddd"], ["starved", "#888888"], ["upstream", "#E69F00"], ["held", "#D55E00"]];
  var root = document.getElementById("charts");
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 12;
  Chart.defaults.maintainAspectRatio = false;

  function colour(i) { return PALETTE[i % PALETTE.length]; }
  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + a + ")";
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }
  // One figure: a heading, a sized canvas that states its expected series, a note under it.
  function figure(id, title, series, note, height) {
    var f = el("figure", { "class": "chart" });
    f.appendChild(el("h3", {}, title));
    var box = el("div", { "class": "canvas-box", style: "height:" + (height || 320) + "px" });
    var c = el("canvas", { id: id, "data-series": String(series), role: "img", "aria-label": title });
    box.appendChild(c);
    f.appendChild(box);
    if (note) f.appendChild(el("figcaption", {}, note));
    root.appendChild(f);
    return c;
  }
  function axis(title, extra) {
    var a = { type: "linear", title: { display: true, text: title } };
    Object.keys(extra || {}).forEach(function (k) { a[k] = extra[k]; });
    return a;
  }
  function line(label, points, i, extra) {
    var d = { label: label, data: points, borderColor: colour(i), backgroundColor: colour(i), pointRadius: 0, borderWidth: 1.6, spanGaps: false };
    Object.keys(extra || {}).forEach(function (k) { d[k] = extra[k]; });
    return d;
  }
  function xy(xs, ys) { return xs.map(function (x, k) { return { x: x, y: ys[k] }; }); }

  function runs() {
    var n = data.schedulers.length;
    new Chart(figure("chart-cdf", "Latency CDF (requests after the warm-up)", n), {
      type: "line",
      data: { datasets: data.cdf.map(function (c, i) { return line(c.scheduler, c.points.map(function (p) { return { x: p[0], y: p[1] }; }), i, { stepped: "before" }); }) },
      options: { parsing: false, scales: { x: axis("latency (ms)"), y: axis("P(latency ≤ x)", { min: 0, max: 1 }) } },
    });
    var bw = data.bandwidth || [];
    [["throughputPerSec", "Throughput over time", "completions / s"], ["p95Ms", "p95 latency over time", "p95 latency (ms)"]].forEach(function (spec, j) {
      var sets = data.series.map(function (s, i) { return line(s.scheduler, xy(s.tSec, s[spec[0]]), i); });
      bw.forEach(function (b, k) {
        sets.push(line(b.link + " bandwidth (Mbit/s)", xy(b.tSec, b.mbps), 6 - k, { yAxisID: "y2", stepped: "before", borderDash: [5, 4], borderColor: k === 0 ? "#555555" : "#aaaaaa", backgroundColor: k === 0 ? "#555555" : "#aaaaaa", borderWidth: 1.2 }));
      });
      var src = data.series.map(function (s) { return s.binMs + " ms bins from " + s.source; })
        .filter(function (x, k, all) { return all.indexOf(x) === k; }).join("; ");
      src = "Every completion counted (warm-up included), " + src;
      var scales = { x: axis("time (s)"), y: axis(spec[2], { beginAtZero: true }) };
      if (bw.length > 0) scales.y2 = axis("bandwidth (Mbit/s)", { position: "right", beginAtZero: true, grid: { drawOnChartArea: false } });
      new Chart(figure("chart-time-" + j, spec[1], sets.length, src + ". " + data.bandwidthNote), {
        type: "line", data: { datasets: sets }, options: { parsing: false, scales: scales },
      });
    });
    var resources = [];
    data.resources.forEach(function (r) { r.splits.forEach(function (s) { if (resources.indexOf(s.resource) < 0) resources.push(s.resource); }); });
    new Chart(figure("chart-utilisation", "Utilisation per resource", n, "Busy time over servers × (T1 − T0)."), {
      type: "bar",
      data: { labels: resources, datasets: data.resources.map(function (r, i) {
        return { label: r.scheduler, backgroundColor: colour(i), data: resources.map(function (name) {
          var s = r.splits.filter(function (x) { return x.resource === name; })[0]; return s ? s.utilisation : null; }) };
      }) },
      options: { scales: { y: axis("utilisation", { min: 0, max: 1 }) } },
    });
    data.resources.forEach(function (r, i) {
      new Chart(figure("chart-bubbles-" + i, "Where the time of each resource goes: " + r.scheduler, CAUSES.length,
        "Fractions of servers × (T1 − T0): busy, fill (before the first start), drain (after the last end), and internal idle by cause.", 60 + 34 * r.splits.length), {
        type: "bar",
        data: { labels: r.splits.map(function (s) { return s.resource; }), datasets: CAUSES.map(function (c) {
          return { label: c[0], backgroundColor: c[1], data: r.splits.map(function (s) { return s[c[0]]; }) };
        }) },
        options: { indexAxis: "y", scales: { x: axis("fraction of capacity", { stacked: true, min: 0, max: 1 }), y: { stacked: true } } },
      });
    });
    var ids = [];
    data.gantt.runs.forEach(function (g) { g.rows.forEach(function (row) { if (ids.indexOf(row.id) < 0) ids.push(row.id); }); });
    ids.sort(function (a, b) { return a - b; });
    new Chart(figure("chart-gantt", "Requests " + data.gantt.first + "–" + data.gantt.last + ": arrival to completion", n,
      "One bar per request and scheduler. Per-step times (which server or link, when) are not in requests.csv: run with --timeline and open it in Perfetto for those.", 120 + 14 * ids.length), {
      type: "bar",
      data: { labels: ids.map(function (id) { return "r" + id; }), datasets: data.gantt.runs.map(function (g, i) {
        return { label: g.scheduler, backgroundColor: colour(i), data: ids.map(function (id) {
          var row = g.rows.filter(function (x) { return x.id === id; })[0];
          return row && row.completionMs !== null ? [row.arrivalMs, row.completionMs] : null; }) };
      }) },
      // The axis spans the window's requests, not the run from time 0.
      options: { indexAxis: "y", scales: { x: axis("simulation time (ms)", span(data.gantt.runs)) } },
    });
  }

  function span(runs) {
    var lo = Infinity, hi = -Infinity;
    runs.forEach(function (g) { g.rows.forEach(function (r) { lo = Math.min(lo, r.arrivalMs); if (r.completionMs !== null) hi = Math.max(hi, r.completionMs); }); });
    return isFinite(lo) && hi > lo ? { min: Math.floor(lo), max: Math.ceil(hi) } : {};
  }

  function sweep() {
    data.figures.forEach(function (f, j) {
      var sets = [];
      var xsNum = f.numericX;
      var labels = f.xs.map(function (x) { return typeof x === "string" ? x : JSON.stringify(x); });
      f.series.forEach(function (s, i) {
        function pt(p, v) { return { x: xsNum ? p.x : labels.indexOf(typeof p.x === "string" ? p.x : JSON.stringify(p.x)), y: v }; }
        i = s.index;
        sets.push(line(s.name, s.points.map(function (p) { return pt(p, p.y); }), i, { pointRadius: 3 }));
        var band = s.points.filter(function (p) { return p.lo !== null; });
        sets.push(line("95% CI " + s.name + " (upper)", band.map(function (p) { return pt(p, p.hi); }), i, { borderWidth: 0, fill: false }));
        sets.push(line("95% CI " + s.name + " (lower)", band.map(function (p) { return pt(p, p.lo); }), i, { borderWidth: 0, fill: "-1", backgroundColor: alpha(colour(i), 0.18) }));
      });
      var y = f.mode === "mean" ? f.metric : f.mode === "ratio" ? f.metric + " / " + f.baseline + "'s" : f.metric + " − " + f.baseline + "'s";
      var xAxis = xsNum ? axis(f.x) : axis(f.x, { min: -0.5, max: labels.length - 0.5, ticks: { stepSize: 1, callback: function (v) { return labels[v] !== undefined ? labels[v].split("/").pop() : ""; } } });
      new Chart(figure("chart-sweep-" + j, y + " by " + f.x, f.series.length, f.mode === "mean"
        ? "Mean over seeds with its 95 % interval (band): the seed is the replication, as in splitsim compare."
        : "The " + f.mode + " against " + f.baseline + " with its 95 % interval (band), as splitsim compare --by " + f.x + " computes it."), {
        type: "line", data: { datasets: sets },
        options: { parsing: false, scales: { x: xAxis, y: axis(y) }, plugins: { legend: { labels: { filter: function (item) { return item.text.indexOf("95% CI") !== 0; } } } } },
      });
    });
  }

  if (data.kind === "runs") runs(); else sweep();
  document.body.setAttribute("data-rendered", "true");
})();
`;
