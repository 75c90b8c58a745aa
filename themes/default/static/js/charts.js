// Draws the charts of a page with the site's copy of ECharts. Each chart
// is an element [data-chart] whose options wait, as JSON, in the element
// its attribute names. Pages say everything without this script: it only
// adds pictures of figures the page already gives in text and tables.
(function () {
  'use strict';
  var echarts = window.echarts;
  var nodes = document.querySelectorAll('[data-chart]');
  if (!echarts || !nodes.length) return;
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

  document.documentElement.classList.add('charts-on');
  var charts = [];
  nodes.forEach(function (el) {
    var data = document.getElementById(el.getAttribute('data-chart'));
    if (!data) return;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(localise(JSON.parse(data.textContent)));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
