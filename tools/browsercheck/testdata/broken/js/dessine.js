/* Fixture: draws every chart at once, with the library loaded by the page. */
document.querySelectorAll('[data-chart]').forEach(function (el) { window.echarts.init(el).setOption({}); });
