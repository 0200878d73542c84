// Charts for the timeline, dyad and network pages, drawn with the plotly.js bundled in plotly.
// Data comes from the page's <script type="application/json" id="chart-data"> element.
(function () {
  "use strict";
  var config = {displaylogo: false, responsive: true};
  var font = {family: "system-ui, sans-serif", size: 12};

  // Plotly reads a few HTML-like tags in labels; names from documents must stay plain text.
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function data() {
    var el = document.getElementById("chart-data");
    return el ? JSON.parse(el.textContent) : null;
  }

  function done(el) { el.setAttribute("data-rendered", "true"); }

  function timeline(el, d) {
    var traces = d.traces.map(function (t) {
      return periodic({type: "bar", name: t.name, x: t.x, y: t.y, customdata: t.ends,
                       marker: {color: t.color},
                       hovertemplate: "%{customdata}: %{y} events<extra>" + esc(t.name) + "</extra>"},
                      d.interval);
    });
    var first = null, last = null;
    d.traces.forEach(function (t) {
      t.x.forEach(function (x) {
        if (first === null || x < first) { first = x; }
        if (last === null || x > last) { last = x; }
      });
    });
    var reach = {day: 3, week: 14, month: 45}[d.interval] || 3;
    var xrange = first ? [shiftDay(first, -reach), shiftDay(last, reach)] : undefined;
    var layout = {barmode: "stack", font: font, margin: {t: 10, r: 10, b: 40, l: 40},
                  xaxis: {type: "date", range: xrange},
                  yaxis: {title: {text: "events"}, rangemode: "tozero"},
                  legend: {orientation: "h", y: -0.2}, height: 320};
    Plotly.newPlot(el, traces, layout, config).then(function () { done(el); });
    el.on("plotly_click", function (ev) {
      var p = ev.points && ev.points[0];
      if (!p) { return; }
      var url = new URL(window.location.href);
      var start = d.traces[p.curveNumber].x[p.pointIndex];
      url.searchParams.set("date_from", start);
      url.searchParams.set("date_to", p.customdata || start);
      url.searchParams.delete("offset");
      window.location.assign(url.toString());
    });
  }

  var DAY = 86400000;
  // Bars fill their period (periods start on Mondays for weeks) instead of sitting on midnight.
  var PERIOD = {day: DAY, week: 7 * DAY, month: "M1"};
  var WIDTH = {day: 0.8 * DAY, week: 5.6 * DAY, month: 24 * DAY};

  function periodic(trace, interval) {
    trace.xperiod = PERIOD[interval] || DAY;
    trace.xperiod0 = "2000-01-03";
    trace.xperiodalignment = "middle";
    if (trace.type === "bar") {
      trace.width = trace.x.map(function () { return WIDTH[interval] || WIDTH.day; });
    }
    return trace;
  }

  function shiftDay(iso, days) {
    return new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);
  }

  function dyad(d) {
    var sides = ["forward", "backward"];
    var maxCount = 1, lo = 0, hi = 0, first = null, last = null;
    sides.forEach(function (s) {
      d[s].forEach(function (r) {
        maxCount = Math.max(maxCount, r.count);
        lo = Math.min(lo, r.intensity);
        hi = Math.max(hi, r.intensity);
        if (first === null || r.period < first) { first = r.period; }
        if (last === null || r.period > last) { last = r.period; }
      });
    });
    var pad = Math.max(1, (hi - lo) * 0.1);
    var reach = {day: 3, week: 14, month: 45}[d.interval] || 3;
    var xrange = first ? [shiftDay(first, -reach), shiftDay(last, reach)] : undefined;
    sides.forEach(function (s) {
      var el = document.getElementById("dyad-" + s);
      if (!el) { return; }
      var rows = d[s];
      var traces = [
        periodic({type: "bar", name: "events", x: rows.map(function (r) { return r.period; }),
                  y: rows.map(function (r) { return r.count; }), marker: {color: "#8aa1b8"}},
                 d.interval),
        periodic({type: "scatter", mode: "lines+markers", name: "summed intensity", yaxis: "y2",
                  x: rows.map(function (r) { return r.period; }),
                  y: rows.map(function (r) { return r.intensity; }), line: {color: "#c73a2e"}},
                 d.interval)
      ];
      var layout = {font: font, margin: {t: 10, r: 50, b: 40, l: 40}, height: 280,
                    xaxis: {type: "date", range: xrange}, showlegend: true,
                    legend: {orientation: "h", y: -0.25},
                    yaxis: {title: {text: "events"}, range: [0, maxCount * 1.1]},
                    yaxis2: {title: {text: "intensity"}, overlaying: "y", side: "right",
                             range: [lo - pad, hi + pad], zeroline: true, showgrid: false,
                             tickmode: "auto"}};
      Plotly.newPlot(el, traces, layout, config).then(function () { done(el); });
    });
  }

  function network(el, d) {
    var maxW = 1, maxNode = 1;
    d.edges.forEach(function (e) { maxW = Math.max(maxW, e.count); });
    d.nodes.forEach(function (n) { maxNode = Math.max(maxNode, n.weight); });
    var pairs = {};
    d.edges.forEach(function (e) { pairs[e.source + "\u0000" + e.target] = true; });
    var annotations = d.edges.filter(function (e) { return e.source !== e.target; }).map(function (e) {
      var conflict = e.conflict / e.count;
      // A pair with edges both ways gets two parallel arrows, each shifted to its own side.
      var dx = 0, dy = 0;
      if (pairs[e.target + "\u0000" + e.source]) {
        var len = Math.hypot(e.x1 - e.x0, e.y1 - e.y0) || 1;
        dx = -(e.y1 - e.y0) / len * 0.025;
        dy = (e.x1 - e.x0) / len * 0.025;
      }
      return {x: e.x1 + dx, y: e.y1 + dy, ax: e.x0 + dx, ay: e.y0 + dy,
              xref: "x", yref: "y", axref: "x", ayref: "y",
              showarrow: true, arrowhead: 2, arrowsize: 1, standoff: 12, startstandoff: 12,
              arrowwidth: 1 + 5 * e.count / maxW, opacity: 0.7, text: "",
              arrowcolor: conflict > 0.5 ? "#c73a2e" : conflict < 0.5 ? "#1f5fa8" : "#888888",
              hovertext: esc(e.source) + " → " + esc(e.target) + ": " + e.count + " events"};
    });
    // Nodes come busiest first; only the busiest carry a label, every node names itself on hover.
    var nodes = {
      type: "scatter", mode: "markers+text", textposition: "top center",
      x: d.nodes.map(function (n) { return n.x; }), y: d.nodes.map(function (n) { return n.y; }),
      text: d.nodes.map(function (n, i) { return i < 20 ? esc(n.id) : ""; }),
      hovertext: d.nodes.map(function (n) { return esc(n.id) + ": " + n.weight + " events"; }),
      customdata: d.nodes.map(function (n) { return n.id; }),
      hovertemplate: "%{hovertext}<extra></extra>",
      marker: {size: d.nodes.map(function (n) { return 10 + 30 * Math.sqrt(n.weight / maxNode); }),
               color: "#f3d9a4", line: {color: "#7a5b1e", width: 1}}
    };
    function span(values) {
      var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
      return [lo - 0.15, hi + 0.15];
    }
    var layout = {font: font, annotations: annotations, showlegend: false, height: 620,
                  margin: {t: 10, r: 10, b: 10, l: 10}, hovermode: "closest",
                  xaxis: {visible: false, range: span(nodes.x)},
                  yaxis: {visible: false, range: span(nodes.y), scaleanchor: "x"}};
    Plotly.newPlot(el, [nodes], layout, config).then(function () { done(el); });
    el.on("plotly_click", function (ev) {
      var p = ev.points && ev.points[0];
      if (p && p.customdata) {
        window.location.assign("/timeline?actor=" + encodeURIComponent(p.customdata));
      }
    });
  }

  function start() {
    var d = data();
    if (!d || typeof Plotly === "undefined") { return; }
    var el = document.querySelector("[data-chart]");
    if (!el) { return; }
    var kind = el.getAttribute("data-chart");
    if (kind === "timeline") { timeline(el, d); }
    else if (kind === "dyad") { dyad(d); }
    else if (kind === "network") { network(el, d); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
