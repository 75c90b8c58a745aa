// Filters the list of every action in place, by status, territory and
// audience. Without this script the page still works: its links lead to
// the page of each status, territory and audience. The form stays hidden
// until the script shows it; the number of actions shown is announced in
// a live region.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var selects = form.querySelectorAll('select[data-filter]');
  var items = document.querySelectorAll('.action-list li[data-status]');
  var sections = document.querySelectorAll('.axis-group');
  var count = document.getElementById('filter-count');

  function matches(li) {
    for (var i = 0; i < selects.length; i++) {
      var s = selects[i];
      var want = s.value;
      if (!want) continue;
      var have = li.getAttribute('data-' + s.getAttribute('data-filter')) || '';
      if (s.getAttribute('data-filter') === 'status') {
        if (have !== want) return false;
      } else if ((' ' + have + ' ').indexOf(' ' + want + ' ') < 0) {
        return false;
      }
    }
    return true;
  }

  function apply() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var ok = matches(items[i]);
      items[i].hidden = !ok;
      if (ok) shown++;
    }
    for (var j = 0; j < sections.length; j++) {
      sections[j].hidden = !sections[j].querySelector('li[data-status]:not([hidden])');
    }
    var key = shown === 0 ? 'data-shown-0' : shown === 1 ? 'data-shown-1' : 'data-shown-n';
    count.textContent = form.getAttribute(key).replace('%d', shown.toLocaleString(document.documentElement.lang));
  }

  form.hidden = false;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  for (var i = 0; i < selects.length; i++) selects[i].addEventListener('change', apply);
})();
