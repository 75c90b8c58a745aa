#!/usr/bin/env node
// How long the site's search takes in the browser (issue 11): the first
// query, which loads data/search.json and the parts of the index its words
// need (data/search/<c>.json), then warm queries.
//
//   node searchtime.mjs [--page PATH] [--rounds N] SITEDIR[@BASEPATH] [QUERY ...]
//
// The search page is the page of the home page's menu that holds the search
// form (form[role=search][data-index]), or PATH under the base path. Default
// queries: epicerie, familles, logement, action, "numero 5", and a few more,
// one of them a word found nowhere. Needs install.sh.
//
// Each query is typed as one paste: Playwright's fill() focuses the field,
// sets its value and fires one input event. search.js has no debounce: its
// input listener searches and rebuilds the results list at once, in the same
// task. Measured in the page, from the input event's timeStamp:
//   - "handled": until a listener added after search.js's returns (the index
//     folded, scored, sorted, the list and the live region rewritten);
//   - "painted": until the next frame has been painted (requestAnimationFrame,
//     then a message task), which adds style, layout and paint, and up to a
//     frame (16.7 ms) of waiting for it.
// The first query (cold, fresh browser context, empty cache) is measured from
// the focus event (the index starts loading on focus) until the live region
// says how many results there are; Resource Timing gives the download part
// and the bytes loaded. Before the warm rounds, each query is typed once and
// the parts it needs are let in, so that warm queries load nothing.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { serve, siteArg, CHROMIUM, CHROMIUM_ARGS } from './check.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

function usage(msg) {
  if (msg) console.error(`searchtime.mjs: ${msg}`);
  console.error('usage: node searchtime.mjs [--page PATH] [--rounds N] SITEDIR[@BASEPATH] [QUERY ...]');
  process.exit(2);
}

const argv = process.argv.slice(2);
let pagePath = null, rounds = 3;
while (argv[0]?.startsWith('--')) {
  const a = argv.shift();
  if (a === '--page') pagePath = argv.shift() ?? usage('--page needs a path');
  else if (a === '--rounds') rounds = Number(argv.shift()) || usage('--rounds needs a number');
  else usage(`unknown option ${a}`);
}
const { dir, base } = siteArg(argv.shift(), usage);
const queries = argv.length ? argv : ['epicerie', 'familles', 'logement', 'action', 'numero 5',
  'sante', 'jeunes quartier', 'emploi', 'e', 'zqxwvj'];
const cold = queries[0];

// The search page: a link of the home page's menu whose page has the form.
function findSearchPage() {
  const isSearch = (p) => /<form\b[^>]*\brole="search"[^>]*\bdata-index=/.test(
    fs.readFileSync(path.join(dir, p, 'index.html'), { encoding: 'utf8', flag: 'r' }));
  const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const menu = /<nav class="menu"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? home;
  for (const [, href] of menu.matchAll(/href="([^"#?]+)"/g)) {
    if (!href.startsWith(base)) continue;
    const p = href.slice(base.length);
    if (fs.existsSync(path.join(dir, p, 'index.html')) && isSearch(p)) return p;
  }
  for (const p of ['recherche/', 'search/']) if (fs.existsSync(path.join(dir, p, 'index.html')) && isSearch(p)) return p;
  usage(`no search page in the menu of ${dir}/index.html (give --page PATH)`);
}
pagePath ??= findSearchPage();
pagePath = pagePath.replace(/^\//, '');
const html = fs.readFileSync(path.join(dir, pagePath, 'index.html'), 'utf8');
const indexUrl = /data-index="([^"]+)"/.exec(html)?.[1] ?? usage(`no data-index on ${pagePath}`);
const indexFile = path.join(dir, indexUrl.startsWith(base) ? indexUrl.slice(base.length) : indexUrl);
const raw = fs.readFileSync(indexFile);
const docs = JSON.parse(raw).docs.length;
const partsDir = path.join(path.dirname(indexFile), 'search');
const parts = fs.existsSync(partsDir) ? fs.readdirSync(partsDir).map((f) => fs.readFileSync(path.join(partsDir, f))) : [];
const gz = (b) => zlib.gzipSync(b).length;
const isIndex = (name) => /\/data\/search(\.json|\/)/.test(name);

const ms = (x) => `${x.toFixed(1)} ms`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const KB = 1024;

// Installed in the page before search.js runs: its listeners on the field
// run before ours, as they are added first (search.js is deferred, and ours
// are added on DOMContentLoaded, after deferred scripts ran).
function probe() {
  window.__st = { focus: null, input: null, handled: null };
  document.addEventListener('focusin', (e) => { if (window.__st.focus === null) window.__st.focus = e.timeStamp; }, true);
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('q').addEventListener('input', (e) => {
      window.__st.input = e.timeStamp;
      window.__st.handled = performance.now();
    });
  });
}

// Resolves with the time the next frame was painted.
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve(performance.now());
    c.port2.postMessage(0);
  }));
}

const server = await serve(dir, base);
const url = `http://127.0.0.1:${server.address().port}${base}${pagePath}`;
// The server gzips a file when it is first asked for it; a host sends it
// ready made. Ask once so the cold query does not time the compression.
await (await fetch(new URL(indexUrl, url), { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') console.error(`console error: ${msg.text()}`); });
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.evaluate(`window.__nextPaint = ${nextPaint.toString()}`);
  const before = await page.evaluate(`performance.getEntriesByType('resource').some((r) => (${isIndex.toString()})(r.name))`);
  if (before) throw new Error('the search index was loaded before the first query');

  // Cold: wait in the page for the live region to say something.
  const counted = page.evaluate(() => new Promise((resolve) => {
    const count = document.getElementById('search-count');
    new MutationObserver((_, obs) => {
      if (!count.textContent) return;
      obs.disconnect();
      const shown = performance.now();
      window.__nextPaint().then((painted) => resolve({ shown, painted }));
    }).observe(count, { childList: true, characterData: true, subtree: true });
  }));
  await page.fill('#q', cold);
  const c = await counted;
  const st = await page.evaluate(`(() => {
    const rs = performance.getEntriesByType('resource').filter((r) => (${isIndex.toString()})(r.name));
    return { ...window.__st, files: rs.length, fetchStart: Math.min(...rs.map((r) => r.startTime)),
      fetchEnd: Math.max(...rs.map((r) => r.responseEnd)), encoded: rs.reduce((a, r) => a + r.encodedBodySize, 0),
      count: document.getElementById('search-count').textContent };
  })()`);

  console.log(`site ${dir} (base ${base}), search page ${base}${pagePath}`);
  console.log(`browser: ${await browser.version()} (${CHROMIUM}), headless, 1280x800`);
  const partsGz = parts.map(gz);
  console.log(`index ${indexUrl}: ${docs} documents, ${raw.length} bytes raw (${(raw.length / KB).toFixed(1)} KB), ` +
    `${gz(raw)} bytes gzipped (${(gz(raw) / KB).toFixed(1)} KB); ${parts.length} parts, ` +
    `${(parts.reduce((a, b) => a + b.length, 0) / KB).toFixed(1)} KB raw, ${(partsGz.reduce((a, b) => a + b, 0) / KB).toFixed(1)} KB gzipped, ` +
    `the largest ${(Math.max(0, ...partsGz) / KB).toFixed(1)} KB gzipped`);
  console.log(`cold first query "${cold}": ${st.files} files, ${st.encoded} bytes over the wire (${(st.encoded / KB).toFixed(1)} KB); ` +
    `${ms(c.shown - st.focus)} from focus to the count shown ` +
    `(downloads ${ms(st.fetchEnd - st.fetchStart)}, from their end to the count shown ${ms(c.shown - st.fetchEnd)}: ` +
    `JSON parse, index built, search, list written), ${ms(c.painted - st.focus)} to the next paint; "${st.count}"`);

  // Every part the queries need, let in before the warm rounds.
  for (const q of queries) {
    await page.fill('#q', q);
    await page.waitForLoadState('networkidle');
  }

  // Warm: each query as one input event; the handler is synchronous.
  const rows = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      await page.fill('#q', '');
      await page.evaluate(() => window.__nextPaint());
      await page.fill('#q', q);
      const t = await page.evaluate(() => window.__nextPaint().then((painted) => ({
        ...window.__st, painted,
        count: document.getElementById('search-count').textContent,
        first: document.querySelector('#search-results li a')?.textContent ?? '',
      })));
      rows.push({ q, handled: t.handled - t.input, painted: t.painted - t.input, count: t.count, first: t.first });
    }
  }
  console.log(`warm queries (${queries.length} queries x ${rounds} rounds, from the input event; no debounce in search.js):`);
  for (const q of queries) {
    const rs = rows.filter((x) => x.q === q);
    console.log(`  ${JSON.stringify(q).padEnd(18)} handled ${ms(median(rs.map((x) => x.handled))).padStart(9)}, ` +
      `painted ${ms(median(rs.map((x) => x.painted))).padStart(9)} (median of ${rs.length}); "${rs[0].count}"` +
      (rs[0].first ? `, first: ${rs[0].first}` : ''));
  }
  const h = rows.map((x) => x.handled), p = rows.map((x) => x.painted);
  const worst = (k) => rows.reduce((a, b) => (b[k] > a[k] ? b : a));
  console.log(`warm: handled median ${ms(median(h))}, max ${ms(worst('handled').handled)} ("${worst('handled').q}"); ` +
    `painted median ${ms(median(p))}, max ${ms(worst('painted').painted)} ("${worst('painted').q}")`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
