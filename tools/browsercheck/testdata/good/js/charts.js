/* Fixture: loads the chart library only when a chart comes into view, as
   the default theme of Jalons does. */
(function () {
  var nodes = document.querySelectorAll('[data-chart]');
  var self = document.currentScript;
  if (!nodes.length || !self) return;
  var library = new URL('echarts.min.js', self.src).href;
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      seen.unobserve(e.target);
      var draw = function () { window.echarts.init(e.target).setOption({}); };
      if (window.echarts) return draw();
      var s = document.createElement('script');
      s.src = library;
      s.onload = draw;
      document.head.appendChild(s);
    });
  }, { rootMargin: '200px 0px' });
  nodes.forEach(function (el) { seen.observe(el); });
})();
