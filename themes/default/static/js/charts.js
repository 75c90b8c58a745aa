// Draws the charts of a page with the site's copy of ECharts. Each chart
// is an element [data-chart] whose options wait, as JSON, in the element
// its attribute names. Pages say everything without this script: it only
// adds pictures of figures the page already gives in text and tables.
//
// ECharts (echarts.min.js, beside this file) is loaded only when a chart is
// about to come into view, so that a page whose charts are below the fold
// costs its reader nothing until they scroll to them.
(function () {
  'use strict';
  var nodes = document.querySelectorAll('[data-chart]');
  var self = document.currentScript;
  if (!nodes.length || !self) return;
  var library = new URL('echarts.min.js', self.src).href;
  var lang = document.documentElement.lang || 'fr';
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });

  // Value axes and tooltips show numbers the way the page does:
  // "550 000" in French, "550,000" in English.
  function localise(options) {
    ['xAxis', 'yAxis'].forEach(function (key) {
      [].concat(options[key] || []).forEach(function (axis) {
        if (axis.type !== 'value') return;
        var label = axis.axisLabel || (axis.axisLabel = {});
        var suffix = typeof label.formatter === 'string' ? label.formatter.replace('{value}', '') : '';
        if (lang === 'en') suffix = suffix.replace(' %', '%');
        label.formatter = function (v) { return number.format(v) + suffix; };
      });
    });
    if (options.tooltip) {
      options.tooltip.valueFormatter = function (v) {
        return typeof v === 'number' ? number.format(v) : v;
      };
    }
    return options;
  }

  // load calls done once ECharts is there, loading it the first time.
  var waiting = null;
  function load(done) {
    if (window.echarts) return done();
    if (waiting) return waiting.push(done);
    waiting = [done];
    var s = document.createElement('script');
    s.src = library;
    s.onload = function () { waiting.forEach(function (f) { f(); }); };
    document.head.appendChild(s);
  }

  var charts = [];
  function draw(el) {
    var data = document.getElementById(el.getAttribute('data-chart'));
    if (!data || !window.echarts) return;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(localise(JSON.parse(data.textContent)));
    charts.push(chart);
  }

  document.documentElement.classList.add('charts-on');
  if (!('IntersectionObserver' in window)) {
    load(function () { nodes.forEach(draw); });
  } else {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        seen.unobserve(e.target);
        load(function () { draw(e.target); });
      });
    }, { rootMargin: '200px 0px' });
    nodes.forEach(function (el) { seen.observe(el); });
  }
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
