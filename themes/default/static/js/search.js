// Searches the site as one types. The index, data/search.json (see
// internal/render/search.go), is loaded only when someone uses the search:
// on focus, on the first key, or at once when the page is opened with ?q=;
// the other terms of the documents, beyond their titles', come in parts
// by first character (data/search/e.json), each loaded when a word of the
// query first starts with it.
// The query is folded as the index is (lowercase, accents dropped,
// ligatures spelled out); each of its words must start a word of the
// title, summary or text; matches in the title rank first. The number of
// results is announced in a live region. Without this script the page
// says search needs it and links to the list of actions.
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form) return;
  var input = document.getElementById('q');
  var list = document.getElementById('search-results');
  var count = document.getElementById('search-count');
  var base = form.getAttribute('data-base');
  var kinds = form.getAttribute('data-kinds').split('|');
  var index = null, loading = null, last = null;
  var parts = {}; // first character → true once its terms are in index, or the promise that loads them
  var limit = 100;

  var spelled = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'đ': 'd', 'ł': 'l', '&': ' et ' };

  // fold mirrors slug.Make: the words of s, lowercase ASCII letters and digits.
  function fold(s) {
    s = s.toLowerCase().replace(/[œæßøđł&]/g, function (c) { return spelled[c]; });
    s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return s.split(/[^a-z0-9]+/).filter(function (w) { return w.length > 0; });
  }

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute('data-index'))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          index = data.docs.map(function (d) {
            return { kind: d[0], path: data.paths[d[0]] + d[1] + '/', title: d[2], summary: d[3],
              t: ' ' + d[4] + ' ', x: {} };
          });
          run();
        })
        .catch(function () { loading = null; }); // tried again on the next key
    }
    return loading;
  }

  // part loads the terms that start with c, then searches again.
  function part(c) {
    if (!parts[c]) {
      parts[c] = fetch(form.getAttribute('data-parts') + c + '.json')
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          data.docs.forEach(function (d) { index[d[0]].x[c] = ' ' + d[1] + ' '; });
          parts[c] = true;
          last = null;
          run();
        })
        .catch(function () { parts[c] = null; last = null; }); // tried again on the next key
    }
    return parts[c] === true;
  }

  function score(doc, words) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = ' ' + words[i];
      var x = doc.x[words[i].charAt(0)];
      if (doc.t.indexOf(w + ' ') >= 0) s += 4;
      else if (doc.t.indexOf(w) >= 0) s += 3;
      else if (x && x.indexOf(w) >= 0) s += 1;
      else return 0;
    }
    return s;
  }

  function say(n) {
    var key = n === 0 ? 'data-results-0' : n === 1 ? 'data-results-1' : 'data-results-n';
    count.textContent = form.getAttribute(key).replace('%d', n.toLocaleString(document.documentElement.lang));
  }

  function run() {
    if (!index) return;
    var q = input.value;
    if (q === last) return;
    last = q;
    var words = fold(q);
    var ready = true;
    words.forEach(function (w) { if (!part(w.charAt(0))) ready = false; });
    if (!ready) { last = null; return; } // run again once the parts are in
    list.textContent = '';
    if (!words.length) { count.textContent = ''; return; }
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], words);
      if (s) found.push({ doc: index[i], score: s, rank: i });
    }
    found.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
    var frag = document.createDocumentFragment();
    found.slice(0, limit).forEach(function (f) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = base + f.doc.path;
      a.textContent = f.doc.title;
      var kind = document.createElement('span');
      kind.className = 'meta';
      kind.textContent = ' – ' + kinds[f.doc.kind];
      li.appendChild(a);
      li.appendChild(kind);
      if (f.doc.summary) {
        var p = document.createElement('span');
        p.className = 'summary';
        p.textContent = f.doc.summary;
        li.appendChild(p);
      }
      frag.appendChild(li);
    });
    list.appendChild(frag);
    say(found.length);
  }

  var params = new URLSearchParams(window.location.search);
  form.hidden = false;
  var note = document.getElementById('search-nojs');
  if (note) note.hidden = true;
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); run(); });
  input.addEventListener('focus', load, { once: true });
  input.addEventListener('input', function () { load(); run(); });
  if (params.get('q')) {
    input.value = params.get('q');
    load();
  }
})();
