#!/usr/bin/env node
// Browser quality gate for sites built by Jalons.
//
//   node check.mjs [--out DIR] [--jobs N] NAME=SITEDIR[@BASEPATH] ...
//
// For each built site: serve it on 127.0.0.1 under its base path, open every
// .html page in Debian's chromium (playwright-core) and check requests,
// console errors, axe-core (WCAG 2.1 A/AA + RGAA 4, French messages), reflow
// at 375 px, the skip link, visible keyboard focus and internal links; run
// the Nu HTML Checker once over the folder; take a few screenshots.
// Prints one line per failure, then `browsercheck: N passed, M failed`.
// Exit status: 0 all passed, 1 some check failed, 2 usage or internal error.

import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
if (!fs.existsSync(path.join(HERE, 'node_modules', 'playwright-core'))) {
  console.error('check.mjs: node_modules is missing: run bash tools/browsercheck/install.sh');
  process.exit(2);
}
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.BROWSERCHECK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_LOCALE = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('axe-core/axe.min.js')), 'locales', 'fr.json'), 'utf8'));
// 'RGAAv4' is the tag axe-core itself puts on the rules it maps to RGAA 4.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'RGAAv4'];
const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 375, height: 800 };
const FOCUS_STOPS = 3;        // Tab stops checked for a visible focus indicator
const MAX_NODES_PER_RULE = 10; // axe offending elements printed per rule and page
const SNIPPET = 120;           // html snippets are cut to this many characters

// The chart library: loaded only when a chart is about to come into view.
// A chart is below the fold when its top is more than FOLD_MARGIN px
// under the first view (a loader may start a little ahead of the reader).
const CHART_LIBRARY = /\/echarts[^/]*\.js$/;
const FOLD_MARGIN = 400;
// The org chart's labels (nested lists drawn as a tree by the theme).
const ORG_LABELS = '.org-tree .org-node';
// Page weight: what a page's first view loads (HTML, style sheets,
// scripts, icon, images and fonts, as the network carried them, before
// any scroll; the chart library excepted), by kind of page.
const KB = 1024;
const BUDGETS = { home: 100 * KB, axis: 100 * KB, action: 100 * KB, indicator: 100 * KB, list: 100 * KB, other: 100 * KB };

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.webmanifest': 'application/manifest+json',
};

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) console.error(`check.mjs: ${msg}`);
  console.error('usage: node check.mjs [--out DIR] [--jobs N] [--csp POLICY] NAME=SITEDIR[@BASEPATH] ...');
  process.exit(2);
}

function parseArgs(argv) {
  // One tab per core by default: axe-core and screenshots keep Chromium busy.
  const opts = { out: path.join(HERE, 'artifacts'), jobs: Math.min(4, Math.max(2, os.availableParallelism())), sites: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') opts.out = path.resolve(argv[++i] ?? usage('--out needs a folder'));
    else if (a.startsWith('--out=')) opts.out = path.resolve(a.slice(6));
    else if (a === '--jobs') opts.jobs = Number(argv[++i]);
    else if (a === '--csp') opts.csp = argv[++i] ?? usage('--csp needs a policy');
    else if (a.startsWith('--jobs=')) opts.jobs = Number(a.slice(7));
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else {
      const m = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(a);
      if (!m) usage(`bad site argument ${a}`);
      opts.sites.push({ name: m[1], ...siteArg(m[2], usage) });
    }
  }
  if (!opts.sites.length) usage('no site given');
  if (!(opts.jobs >= 1 && opts.jobs <= 8)) usage('--jobs must be 1..8');
  return opts;
}

// siteArg reads a site argument, SITEDIR[@BASEPATH], as every tool of the
// gate takes it: the folder, which must be one, and the base path it is
// served under ("/" by default, always ending in a slash). usage is called
// with what is wrong.
function siteArg(arg, usage) {
  const m = /^(.+?)(?:@(\/[^@]*))?$/.exec(arg ?? usage('no site given'));
  const dir = path.resolve(m[1]);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage(`${dir} is not a folder`);
  let base = m[2] || '/';
  if (!base.endsWith('/')) base += '/';
  return { dir, base };
}

// ------------------------------------------------------------------ helpers

const trunc = (s, n = SNIPPET) => {
  s = String(s ?? '').replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
};

// Every .html file under dir, as paths relative to dir with '/' separators, sorted.
async function listHtml(dir) {
  const out = [];
  async function walk(rel) {
    for (const e of await fsp.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile() && e.name.endsWith('.html')) out.push(r);
    }
  }
  await walk('');
  return out.sort();
}

// URL path a file is served at: dir/index.html → dir/, other.html → other.html.
const fileToUrlPath = (base, rel) => base + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -10) : rel)
  .split('/').map(encodeURIComponent).join('/');

// Runs fn over items with at most n in flight; keeps result order.
async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async (_, w) => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], w);
    }
  }));
  return results;
}

// Minimal PNG decoder (8-bit RGB/RGBA, not interlaced: what Chromium writes),
// enough to count changed pixels between two screenshots.
function decodePng(buf) {
  let pos = 8, width, height, colorType, bitDepth, interlace;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      bitDepth = data[8]; colorType = data[9]; interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = { 2: 3, 6: 4 }[colorType];
  if (bitDepth !== 8 || !bpp || interlace) return null;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp, px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[dst + x - bpp] : 0;           // left
      const b = y > 0 ? px[dst - stride + x] : 0;            // up
      const c = y > 0 && x >= bpp ? px[dst - stride + x - bpp] : 0; // up-left
      let v = raw[src + x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[dst + x] = v & 255;
    }
  }
  return { width, height, bpp, px };
}

// Number of pixels that differ visibly between two PNG screenshots of the
// same clip: some colour channel moves by more than 40 of 255 (a faint tint
// such as #fff → #ffd is not counted as a focus indicator).
function changedPixels(pngA, pngB) {
  const a = decodePng(pngA), b = decodePng(pngB);
  if (!a || !b || a.width !== b.width || a.height !== b.height || a.bpp !== b.bpp) return pngA.equals(pngB) ? 0 : Infinity;
  let n = 0;
  for (let i = 0; i < a.px.length; i += a.bpp) {
    for (let k = 0; k < 3; k++) if (Math.abs(a.px[i + k] - b.px[i + k]) > 40) { n++; break; }
  }
  return n;
}

// The kind of a page, from its path under the base path (Jalons's
// sections, French or English): home, axis, action, indicator, list (a
// section, a status, a territory or a public with its actions) or other.
function pageKind(rel) {
  const segs = rel.replace(/index\.html$/, '').split('/').filter(Boolean);
  if (!segs.length) return 'home';
  if (segs.length === 1) return /\.html$/.test(segs[0]) ? 'other' : 'list';
  if (segs.length === 2 && segs[0] === 'axes') return 'axis';
  if (segs.length === 2 && segs[0] === 'actions') return 'action';
  if (segs.length === 2 && /^indica[a-z]+$/.test(segs[0])) return 'indicator';
  if (['actions', 'territoires', 'territories', 'publics', 'audiences'].includes(segs[0])) return 'list';
  return 'other';
}

// ------------------------------------------------------------------- server

// Serves dir under base on 127.0.0.1 and port (0: a free one). Directories
// serve their index.html (a directory without trailing slash is redirected,
// as static hosts do); anything else, or outside base, gets the site's
// 404.html, 404.
// csp, when set, is sent as the Content-Security-Policy of every answer:
// a page that breaks it logs a console error, which fails the page.
// Text files are sent gzipped to a client that accepts it, as hosts do, so
// that what the browser loads weighs what a resident downloads.
// seen, when set, is called with every request, as the server gets it
// (playwright does not report a browser's requests for /favicon.ico).
function serve(dir, base, csp, port = 0, seen = null) {
  const notFound = path.join(dir, '404.html');
  const gzipped = new Map(); // file → its gzipped body, made once
  const server = http.createServer(async (req, res) => {
    seen?.(req);
    const send = async (status, file) => {
      const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };
      if (csp) headers['Content-Security-Policy'] = csp;
      let body = status === 404 ? 'not found\n' : '';
      if (file) {
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
        headers['Content-Type'] = type;
        headers.Vary = 'Accept-Encoding';
        if (/^(text\/|application\/(json|xml|manifest)|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
          if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(await fsp.readFile(file)));
          body = gzipped.get(file);
          headers['Content-Encoding'] = 'gzip';
        } else body = await fsp.readFile(file);
      }
      headers['Content-Length'] = Buffer.byteLength(body);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const send404 = () => send(404, fs.existsSync(notFound) ? notFound : null);
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405);
      const url = new URL(req.url, 'http://localhost');
      let p;
      try { p = decodeURIComponent(url.pathname); } catch { return send404(); }
      if (p + '/' === base) { res.writeHead(301, { Location: base + url.search }); return res.end(); }
      if (!p.startsWith(base)) return send404();
      const file = path.join(dir, path.normalize('/' + p.slice(base.length)));
      if (file !== dir && !file.startsWith(dir + path.sep)) return send404();
      const st = await fsp.stat(file).catch(() => null);
      if (st?.isDirectory()) {
        if (!p.endsWith('/')) { res.writeHead(301, { Location: url.pathname + '/' + url.search }); return res.end(); }
        const index = path.join(file, 'index.html');
        return fs.existsSync(index) ? send(200, index) : send404();
      }
      return st?.isFile() ? send(200, file) : send404();
    } catch (e) {
      res.writeHead(500); res.end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

// --------------------------------------------------------------- Nu checker

// Runs vnu.jar over the folder; resolves to [{file, line, message}].
function runVnu(dir) {
  return new Promise((resolve) => {
    // -Xss: without a larger thread stack vnu sometimes hits a
    // StackOverflowError in its schema code, prints a warning and then an
    // EMPTY report (a silent pass). The other two flags only make the JVM
    // start faster for a short run (≈1.5 s instead of ≈4 s here).
    const args = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
      '-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--format', 'json', dir];
    const p = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; }); // vnu writes its JSON report on stderr
    p.on('error', (e) => resolve([{ file: '', line: 0, message: `cannot run java: ${e.message}` }]));
    p.on('close', (code) => {
      let report;
      if (/StackOverflowError/.test(err + out)) {
        return resolve([{ file: '', line: 0, message: `vnu ran out of stack, its report cannot be trusted: ${trunc(err + out, 300)}` }]);
      }
      try { report = JSON.parse(err || out); } catch {
        return resolve([{ file: '', line: 0, message: `vnu exited ${code} without a JSON report: ${trunc(err || out, 300)}` }]);
      }
      resolve((report.messages || []).filter((m) => m.type === 'error' || m.type === 'non-document-error').map((m) => {
        let file = m.url || '';
        try { file = path.relative(dir, fileURLToPath(file)).split(path.sep).join('/'); } catch { /* keep url */ }
        return { file, line: m.lastLine || m.firstLine || 0, message: m.message, extract: m.extract };
      }));
    });
  });
}

// ------------------------------------------------------------- page weight

// What the page loaded up to now, two frames after it is called (call it
// once the load event has fired, before any scroll): {bytes, requests:
// [{url, bytes}]}, each body as the network carried it (gzipped where the
// server gzips: Resource Timing's encodedBodySize), the document included.
async function firstViewWeight(page) {
  const requests = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    resolve([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => /^https?:/.test(e.name)).map((e) => ({ url: e.name, bytes: e.encodedBodySize })));
  }))));
  return { bytes: requests.reduce((n, r) => n + r.bytes, 0), requests };
}

// ------------------------------------------------------------ in-page code
// These functions run inside the page (page.evaluate), so they only use DOM.

// Describes an element: tag#id.class, plus a cut outerHTML.
function inPageDescribe(el) {
  if (!el || el.nodeType !== 1) return { sel: String(el), html: '' };
  let sel = el.localName + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
  const parent = el.parentElement;
  if (parent && parent !== document.body && parent !== document.documentElement) {
    sel = parent.localName + (parent.id ? `#${parent.id}` : '') + [...parent.classList].map((c) => `.${c}`).join('') + ' > ' + sel;
  }
  return { sel, html: el.outerHTML.slice(0, 300) };
}

// Collects every id/anchor name of the page and every URL it refers to.
function inPageCollect() {
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id)
    .concat([...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')));
  const refs = [];
  const add = (raw, el, attr) => {
    if (raw == null || raw.trim() === '') return;
    try { refs.push({ raw, url: new URL(raw.trim(), document.baseURI).href, tag: el.localName, attr }); } catch { refs.push({ raw, url: null, tag: el.localName, attr }); }
  };
  const attrs = [['a[href]', 'href'], ['area[href]', 'href'], ['link[href]', 'href'], ['img[src]', 'src'], ['script[src]', 'src'],
    ['source[src]', 'src'], ['iframe[src]', 'src'], ['video[src]', 'src'], ['video[poster]', 'poster'], ['audio[src]', 'src'],
    ['track[src]', 'src'], ['object[data]', 'data'], ['form[action]', 'action']];
  for (const [sel, attr] of attrs) for (const el of document.querySelectorAll(sel)) add(el.getAttribute(attr), el, attr);
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    // "a.png 1x, b.png 2x": a comma followed by blanks separates candidates.
    for (const cand of el.getAttribute('srcset').split(/,\s+/)) add(cand.trim().split(/\s+/)[0], el, 'srcset');
  }
  return { ids, refs };
}

// At the current viewport: document width, and the element sticking out the
// farthest to the right (ignoring those inside a scrolling or clipping box).
function inPageOverflow(describe) {
  const vw = document.documentElement.clientWidth;
  const sw = document.documentElement.scrollWidth;
  if (sw <= vw) return { sw, vw };
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  let worst = null, right = vw;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    // ">=" keeps the deepest element among those reaching as far.
    if (r.right + window.scrollX >= right && !clipped(el)) { right = r.right + window.scrollX; worst = el; }
  }
  let what = 'reaches';
  if (!worst) {
    // No box sticks out: then some content (a long word, a wide image in a
    // fixed box) overflows its box. Take the deepest such element.
    for (const el of document.body.querySelectorAll('*')) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && !clipped(el)) {
        worst = el; what = 'has content overflowing to'; right = el.getBoundingClientRect().left + window.scrollX + el.scrollWidth;
      }
    }
  }
  // describe is passed as source text: page.evaluate cannot pass functions.
  return { sw, vw, what, worst: worst ? new Function(`return (${describe})`)()(worst) : null, right: Math.round(right) };
}

// The boxes among those of selector that overlap another (by more than a
// pixel each way): [[a, b], …], described.
function inPageOverlaps([selector, describe]) {
  const d = new Function(`return (${describe})`)();
  const els = [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length);
  const boxes = els.map((e) => e.getBoundingClientRect());
  const out = [];
  for (let i = 0; i < els.length; i++) {
    for (let j = i + 1; j < els.length; j++) {
      const a = boxes[i], b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) out.push([d(els[i]), d(els[j]), Math.round(w), Math.round(h)]);
    }
  }
  return { count: els.length, overlaps: out };
}

// The focused element: what it is, where it is, and its computed focus style.
function inPageFocused(describe) {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const href = el.localName === 'a' ? el.getAttribute('href') : null;
  let target = null;
  if (href && href.startsWith('#') && href.length > 1) {
    let id = href.slice(1);
    try { id = decodeURIComponent(id); } catch { /* keep raw */ }
    const t = document.getElementById(id);
    if (t) {
      const main = document.querySelector('main, [role="main"]');
      target = { tag: t.localName, isMain: !!main && (t === main || main.contains(t) || t.contains(main)) };
    } else target = { missing: id };
  }
  return {
    d: new Function(`return (${describe})`)()(el),
    tag: el.localName, href, target,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    vw: window.innerWidth, vh: window.innerHeight,
    style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
  };
}

// ------------------------------------------------------------------ checks

// Runs axe-core in the page and records its violations. axe is evaluated
// through DevTools rather than added as a <script> tag, so that a
// Content-Security-Policy (script-src 'self') cannot block it. `seen` holds
// "rule target" keys already reported for this page (to skip repeats).
async function runAxe(page, fail, { seen = new Set(), note = '' } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE + '\n;void 0');
  const violations = await page.evaluate(async ([locale, tags]) => {
    window.axe.configure({ locale });
    const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '), html: n.html,
        msg: [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0] || '',
      })),
    }));
  }, [AXE_LOCALE, AXE_TAGS]);
  for (const v of violations) {
    const nodes = v.nodes.filter((n) => !seen.has(`${v.id} ${n.target}`));
    for (const n of nodes) seen.add(`${v.id} ${n.target}`);
    for (const n of nodes.slice(0, MAX_NODES_PER_RULE)) {
      fail('axe', `${v.id} (${v.impact})`, v.help + note + (n.msg ? ` — ${trunc(n.msg, 200)}` : ''), `${n.target} — ${trunc(n.html)}`);
    }
    if (nodes.length > MAX_NODES_PER_RULE) fail('axe', `${v.id} (${v.impact})`, `… and ${nodes.length - MAX_NODES_PER_RULE} more elements${note}`);
  }
  return seen;
}

// One check run of a page: loads it fresh at 375 px (weight, icon,
// charts, reflow, org chart), then at 1280 px checks the org chart, the
// skip link, focus, axe, and collects its links. fail(check, rule,
// message, element) records a failure; kind is the page's kind
// (pageKind).
async function checkPage(page, url, fail, kind = 'other') {
  // Requests for the chart library, and whether the page had been
  // scrolled to its charts then.
  const library = { requests: [], scrolled: false };
  const onRequest = (req) => {
    if (CHART_LIBRARY.test(new URL(req.url()).pathname)) library.requests.push({ url: req.url(), scrolled: library.scrolled });
  };
  page.on('request', onRequest);
  try {
    return await inspectPage(page, url, fail, kind, library);
  } finally {
    page.off('request', onRequest);
  }
}

async function inspectPage(page, url, fail, kind, library) {
  const describe = inPageDescribe.toString();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The page is loaded at phone width, as a phone user would get it.
  await page.setViewportSize(MOBILE);
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  if (!resp) fail('request', 'document', 'no response');
  else if (resp.status() >= 400) fail('request', `http-${resp.status()}`, `page itself answered ${resp.status()}`);
  const first = await firstViewWeight(page);

  // Weight: the first view, as the network carried it, within the
  // budget of the page's kind.
  const counted = first.requests.filter((r) => !CHART_LIBRARY.test(new URL(r.url).pathname));
  const weight = { kind, bytes: counted.reduce((n, r) => n + r.bytes, 0), requests: counted.length };
  if (weight.bytes > BUDGETS[kind]) {
    const heaviest = [...counted].sort((a, b) => b.bytes - a.bytes).slice(0, 3)
      .map((r) => `${new URL(r.url).pathname} ${(r.bytes / KB).toFixed(1)} KB`).join(', ');
    fail('weight', 'budget', `first view weighs ${(weight.bytes / KB).toFixed(1)} KB gzipped in ${counted.length} requests; the budget of a page of kind "${kind}" is ${BUDGETS[kind] / KB} KB (heaviest: ${heaviest})`);
  }

  // Icon: a page that declares none makes browsers ask for /favicon.ico
  // (headless Chromium does not, so the declaration is checked).
  if (!(await page.$('link[rel~="icon" i][href]'))) {
    fail('icon', 'none', 'the page declares no icon (<link rel="icon" href="…">): browsers then ask the host for /favicon.ico');
  }

  // Charts: every [data-chart] element gets a drawing (svg or canvas) of
  // non-zero size once the page's scripts have run and it has been
  // scrolled into view (js/charts.js loads ECharts only then). The chart
  // library is not loaded before a chart comes near the view, nor ever on
  // a page without a chart.
  const charts = await page.$$eval('[data-chart]', (els) => els.map((e) => ({ id: e.id, top: Math.round(e.getBoundingClientRect().top + window.scrollY) })));
  const firstTop = Math.min(...charts.map((c) => c.top));
  const below = charts.length > 0 && firstTop > MOBILE.height + FOLD_MARGIN;
  const early = library.requests.filter((l) => !l.scrolled);
  if (below && early.length) {
    fail('chart', 'library-before-scroll', `the chart library ${new URL(early[0].url).pathname} is loaded before any scroll, though the first chart is ${firstTop} px down (the view is ${MOBILE.height} px tall)`);
  }
  if (!charts.length && library.requests.length) {
    fail('chart', 'library-without-chart', `the chart library ${new URL(library.requests[0].url).pathname} is loaded on a page without a chart`);
  }
  library.scrolled = true;
  for (const { id } of charts) {
    try {
      await page.evaluate((cid) => document.getElementById(cid)?.scrollIntoView(), id);
      await page.waitForFunction((cid) => {
        const d = document.getElementById(cid)?.querySelector('svg, canvas');
        if (!d) return false;
        const r = d.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      }, id, { timeout: 10000 });
    } catch {
      fail('chart', 'not-drawn', `chart #${id} has no drawing of non-zero size`, `#${id}`);
    }
  }
  if (below && !library.requests.length) {
    fail('chart', 'library-not-loaded', `no request for the chart library (${CHART_LIBRARY}) after scrolling to the chart, ${firstTop} px down`);
  }

  // The org chart's labels never overlap, on a phone or a wide screen.
  const overlaps = async (width) => {
    const o = await page.evaluate(inPageOverlaps, [ORG_LABELS, describe]);
    for (const [a, b, w, h] of o.overlaps.slice(0, MAX_NODES_PER_RULE)) {
      fail('orgchart', 'overlap', `at ${width} px, two labels of the org chart overlap by ${w} × ${h} px`, `${trunc(a.html, 60)} / ${trunc(b.html, 60)}`);
    }
  };
  await overlaps(MOBILE.width);

  // c: reflow at 375 px.
  const o = await page.evaluate(inPageOverflow, describe);
  if (o.sw > MOBILE.width) {
    fail('reflow', 'horizontal-scroll', `page is ${o.sw} px wide at a ${MOBILE.width} px viewport`,
      o.worst ? `${o.worst.sel} ${o.what} ${o.right} px — ${trunc(o.worst.html)}` : undefined);
  }

  // The rest at desktop width. Nothing has been focused yet, so the first
  // Tab is still the first Tab of a fresh load.
  await page.setViewportSize(DESKTOP);
  await frames();
  await overlaps(DESKTOP.width);

  // d + e: Tab from a fresh load; the first stop must be the skip link, and
  // each of the first FOCUS_STOPS stops must visibly change when focused.
  for (let stop = 1; stop <= FOCUS_STOPS; stop++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(inPageFocused, describe);
    if (!f) {
      if (stop === 1) fail('skiplink', 'no-focusable', 'Tab from a fresh load focuses nothing');
      break;
    }
    const el = `${f.d.sel} — ${trunc(f.d.html)}`;
    if (stop === 1) {
      if (f.tag !== 'a' || !f.href || !f.href.startsWith('#') || f.href.length < 2) {
        fail('skiplink', 'first-focusable', `first Tab stop is not a link to "#id" of the main content`, el);
      } else if (!f.target || f.target.missing) {
        fail('skiplink', 'target-missing', `skip link points to "${f.href}" but no element has id "${f.target?.missing}"`, el);
      } else if (!f.target.isMain) {
        fail('skiplink', 'target-not-main', `skip link target <${f.target.tag}> is not, nor is in or around, <main>`, el);
      }
    }
    // Visible focus: screenshot the element's box (plus a margin for
    // outlines and shadows) focused, then blurred; enough pixels must change.
    const r = f.rect, m = 6;
    const x = Math.max(0, Math.floor(r.x - m)), y = Math.max(0, Math.floor(r.y - m));
    const w = Math.min(f.vw, Math.ceil(r.x + r.width + m)) - x, h = Math.min(f.vh, Math.ceil(r.y + r.height + m)) - y;
    if (r.width < 1 || r.height < 1 || w < 1 || h < 1) {
      fail('focus', 'not-visible', `focused element (Tab stop ${stop}) is not visible in the viewport`, el);
      continue;
    }
    const clip = { x, y, width: w, height: h };
    const focused = await page.screenshot({ clip, animations: 'disabled' });
    // blur() keeps Chromium's sequential focus starting point, so the next
    // Tab goes on from this element.
    await page.evaluate(() => document.activeElement?.blur());
    const blurred = await page.screenshot({ clip, animations: 'disabled' });
    const changed = changedPixels(focused, blurred);
    const needed = Math.max(8, Math.floor((r.width + r.height) / 2)); // a 1-px outline changes ~2×(w+h)
    if (changed < needed) {
      fail('focus', 'focus-visible', `no visible focus indicator on Tab stop ${stop} (${changed} px change, want ≥ ${needed}; ${f.style})`, el);
    }
  }

  // b: axe-core, with nothing focused.
  await page.evaluate(() => document.activeElement?.blur());
  const axeSeen = await runAxe(page, fail);

  // f (collection): ids and references, checked by the caller once per site.
  const collected = await page.evaluate(inPageCollect);

  return { ...collected, axeSeen, weight };
}

// ------------------------------------------------------------------- a site

async function checkSite(browser, site, opts) {
  const t0 = Date.now();
  const failures = [];
  const pages = new Map(); // url path → {url, file, failures: []}
  const recorded = new Set(); // identical failures (a page loaded again for screenshots) are kept once
  const loadFailed = new Set(); // "page url" of loads the browser already reported failing
  const record = (pageUrl, check, rule, message, element) => {
    const key = JSON.stringify([pageUrl, check, rule, message, element]);
    if (recorded.has(key)) return;
    recorded.add(key);
    const f = { site: site.name, page: pageUrl, check, rule, message, element };
    failures.push(f);
    pages.get(pageUrl)?.failures.push(f);
  };

  const vnuPromise = runVnu(site.dir); // runs while the browser works
  // A browser asks for /favicon.ico when a page declares no icon, and
  // playwright does not report that request: the server tells, with the
  // page that asked (its Referer; the link check below asks without one).
  const FAVICON = /\/favicon\.ico$/;
  const favicon = (req) => {
    const p = req.url.split('?')[0];
    if (!FAVICON.test(p) || !req.headers.referer) return;
    let page;
    try { page = new URL(req.headers.referer).pathname; } catch { return; }
    record(page, 'icon', 'favicon-ico', `request to ${p}: declare the site's icon with <link rel="icon" href="…">`);
  };
  const server = await serve(site.dir, site.base, opts.csp, 0, favicon);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const files = await listHtml(site.dir);
  for (const rel of files) pages.set(fileToUrlPath(site.base, rel), { url: fileToUrlPath(site.base, rel), file: rel, failures: [] });
  console.log(`${site.name}: checking ${files.length} pages of ${site.dir} at ${origin}${site.base} …`);
  if (!files.includes('index.html')) record(site.base, 'site', 'index', 'no index.html at the root of the site');
  if (!files.includes('404.html')) record(site.base, 'site', '404', 'no 404.html at the root of the site');

  // a: only the local server may be asked; everything else is aborted.
  const external = new Set();
  const onlyLocal = (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/')) return route.continue();
    external.add(u);
    return route.abort('blockedbyclient');
  };

  // One tab per job, each in its own browser context: with two tabs in one
  // context, headless Chromium throttles the one behind and its screenshots
  // often take 3 s instead of 0.3 s. Each tab reports into whichever page it
  // is checking.
  const tabs = [];
  for (let i = 0; i < opts.jobs; i++) {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', serviceWorkers: 'block' });
    await context.route('**/*', onlyLocal);
    const page = await context.newPage();
    // bad: URLs that already answered >= 400 on the current page (their
    // aborted load is then not reported a second time).
    // note: added to the messages of the events, to say where they happened.
    const tab = { context, page, current: null, expect404: null, bad: new Set(), note: '' };
    const fail = (check, rule, message, element) => tab.current && record(tab.current, check, rule, message + tab.note, element);
    page.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) fail('request', 'external', `request to another host: ${u}`);
    });
    page.on('requestfailed', (req) => {
      if (external.has(req.url()) || tab.bad.has(req.url())) return; // already reported
      // Chromium gives up the icon of a page (a request of type "other")
      // when it leaves the page early, at times after the check of that
      // page: not the site's fault. A missing icon answers 404, which the
      // response check reports.
      if (req.failure()?.errorText === 'net::ERR_ABORTED' && req.resourceType() === 'other' && /\.(svg|png|ico|gif|webp|jpe?g)$/i.test(new URL(req.url()).pathname)) return;
      fail('request', 'failed', `${req.method()} ${req.url()} failed: ${req.failure()?.errorText}`);
    });
    page.on('response', (res) => {
      if (res.status() < 400) return;
      if (tab.expect404 && res.url() === tab.expect404 && res.status() === 404) return;
      tab.bad.add(res.url());
      if (tab.current) loadFailed.add(`${tab.current} ${res.url()}`);
      fail('request', `http-${res.status()}`, `${res.request().method()} ${res.url()} answered ${res.status()}`);
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Failed loads are already reported with their URL by the network checks.
      if (/^Failed to load resource/.test(msg.text())) return;
      const loc = msg.location();
      fail('console', 'error', trunc(msg.text(), 300) + (loc?.url ? ` at ${loc.url}:${loc.lineNumber + 1}` : ''));
    });
    page.on('pageerror', (err) => fail('console', 'pageerror', trunc(err.stack || err.message, 300)));
    tabs.push(tab);
  }

  const idsByUrl = new Map();   // absolute page URL → Set of ids
  const refsByUrl = new Map();  // absolute page URL → refs
  const axeSeen = new Map();    // url path → axe "rule target" keys reported
  const urlPaths = [...pages.keys()];
  await pool(urlPaths, opts.jobs, async (urlPath, w) => {
    const tab = tabs[w];
    tab.current = urlPath;
    const url = origin + urlPath;
    try {
      const c = await checkPage(tab.page, url, (...a) => record(urlPath, ...a), pageKind(pages.get(urlPath).file));
      pages.get(urlPath).weight = c.weight;
      idsByUrl.set(url, new Set(c.ids));
      refsByUrl.set(url, c.refs);
      axeSeen.set(urlPath, c.axeSeen);
    } catch (e) {
      record(urlPath, 'browser', 'exception', trunc(e.message, 300));
    }
    // The 404 page is also what hosts serve at any missing URL, at any depth:
    // its styles, images and scripts must load from there too.
    if (pages.get(urlPath).file === '404.html') {
      const missing = `${origin}${site.base}browsercheck-missing/a/b/`;
      tab.expect404 = missing;
      tab.note = ` (404 page served at ${missing.slice(origin.length)})`;
      try {
        const resp = await tab.page.goto(missing, { waitUntil: 'load', timeout: 30000 });
        if (resp?.status() !== 404) record(urlPath, 'site', '404-status', `a missing URL answered ${resp?.status()}, want 404`);
      } catch (e) {
        record(urlPath, 'browser', 'exception', trunc(e.message, 300));
      }
      tab.expect404 = null;
      tab.note = '';
    }
    // Leave the page before the next one so late events are not misattributed.
    await tab.page.goto('about:blank').catch(() => {});
    tab.current = null;
    tab.bad.clear();
  });

  // f: internal references. Each distinct URL is fetched once.
  const targets = new Map(); // url without fragment → [{page, raw}]
  for (const [pageUrl, refs] of refsByUrl) {
    const pagePath = pageUrl.slice(origin.length);
    for (const ref of refs) {
      if (!ref.url) { record(pagePath, 'links', 'bad-url', `unparsable URL "${ref.raw}" in <${ref.tag} ${ref.attr}>`); continue; }
      const u = new URL(ref.url);
      if (u.origin !== origin) continue; // external links are not followed (no network here)
      if (FAVICON.test(u.pathname)) record(pagePath, 'icon', 'favicon-ico', `<${ref.tag} ${ref.attr}="${ref.raw}"> asks for ${u.pathname}: declare the site's icon with <link rel="icon" href="…"> under another name`);
      const frag = u.hash.slice(1);
      u.hash = '';
      const key = u.href;
      if (!targets.has(key)) targets.set(key, []);
      targets.get(key).push({ page: pagePath, raw: ref.raw, tag: ref.tag, attr: ref.attr, frag });
    }
  }
  const status = new Map();
  await pool([...targets.keys()], 8, async (u) => {
    try {
      const r = await fetch(u, { method: 'GET', redirect: 'follow' });
      status.set(u, { code: r.status, final: r.url });
      await r.arrayBuffer();
    } catch (e) { status.set(u, { code: 0, error: e.message }); }
  });
  for (const [u, uses] of targets) {
    const s = status.get(u);
    const seen = new Set();
    for (const use of uses) {
      if (s.code >= 400 || s.code === 0) {
        if (loadFailed.has(`${use.page} ${u}`)) continue; // the [request] line already names it
        const k = `${use.page} ${use.raw}`;
        if (!seen.has(k)) { seen.add(k); record(use.page, 'links', 'broken', `<${use.tag} ${use.attr}="${use.raw}"> → ${s.code || s.error}`); }
        continue;
      }
      // Fragments: "#" alone and "#top" are valid by definition.
      if (!use.frag || use.frag === 'top') continue;
      let frag = use.frag;
      try { frag = decodeURIComponent(frag); } catch { /* keep raw */ }
      const ids = idsByUrl.get(s.final) || idsByUrl.get(u);
      if (ids && !ids.has(frag)) record(use.page, 'links', 'fragment', `<${use.tag} ${use.attr}="${use.raw}">: no id "${frag}" in ${s.final.slice(origin.length)}`);
    }
  }

  // Screenshots: home, first page under axes/ and actions/, governance page.
  const shotDir = path.join(opts.out, 'screenshots', site.name);
  await fsp.rm(shotDir, { recursive: true, force: true });
  await fsp.mkdir(shotDir, { recursive: true });
  const pick = (prefix) => files.find((f) => f.startsWith(prefix) && f !== `${prefix}index.html`) || files.find((f) => f === `${prefix}index.html`);
  const shots = [['home', 'index.html'], ['axes', pick('axes/')], ['actions', pick('actions/')],
    ['gouvernance', files.find((f) => f === 'gouvernance/index.html' || f === 'governance/index.html')]].filter(([, f]) => f && files.includes(f));
  // These pages stand for the site's templates: axe also runs on them at
  // 375 px, where the mobile layout may show other elements (menu button…).
  await pool(shots, tabs.length, async ([label, file], w) => {
    const tab = tabs[w];
    const urlPath = fileToUrlPath(site.base, file);
    tab.current = urlPath;
    const fail = (...a) => record(urlPath, ...a);
    try {
      for (const vp of [MOBILE, DESKTOP]) {
        await tab.page.setViewportSize(vp);
        await tab.page.goto(origin + urlPath, { waitUntil: 'load', timeout: 30000 });
        if (vp === MOBILE) await runAxe(tab.page, fail, { seen: axeSeen.get(urlPath), note: ` (at ${vp.width} px)` });
        await tab.page.screenshot({ path: path.join(shotDir, `${label}-${vp.width}.png`), fullPage: true, animations: 'disabled' });
      }
    } catch (e) {
      fail('browser', 'screenshot', trunc(e.message, 300));
    }
    await tab.page.goto('about:blank').catch(() => {});
    tab.current = null;
    tab.bad.clear();
  });

  // The search, as a resident uses it: typing finds (accents and case
  // folded: "epicerie" finds "Épicerie sociale" in the example site), and
  // nonsense says there is no result, in the live region.
  const searchFile = files.find((f) => f === 'recherche/index.html' || f === 'search/index.html');
  if (searchFile) {
    const tab = tabs[0];
    const urlPath = fileToUrlPath(site.base, searchFile);
    tab.current = urlPath;
    const fail = (...a) => record(urlPath, ...a);
    try {
      await tab.page.goto(origin + urlPath, { waitUntil: 'load', timeout: 30000 });
      const queries = [['xqzwvkj', null]];
      if (site.name === 'example') queries.unshift(['epicerie', /picerie sociale/]);
      for (const [q, want] of queries) {
        await tab.page.fill('#q', '');
        await tab.page.type('#q', q);
        await tab.page.waitForFunction(() => document.getElementById('search-count').textContent.trim() !== '', null, { timeout: 10000 });
        await tab.page.waitForTimeout(300);
        const count = (await tab.page.textContent('#search-count')).trim();
        const first = await tab.page.$$eval('#search-results a', (as) => as.map((a) => a.textContent));
        if (want && !want.test(first[0] || '')) fail('search', 'finds', `typing "${q}" gives first ${JSON.stringify(first[0])}; want a match of ${want}`);
        if (!want && (first.length || !/^(Aucun résultat|No result)/.test(count))) fail('search', 'nothing', `typing "${q}" gives ${first.length} results and says "${count}"`);
      }
    } catch (e) {
      fail('search', 'browser', trunc(e.message, 300));
    }
    tab.current = null;
  }

  for (const tab of tabs) await tab.context.close();
  server.close();

  // Nu HTML Checker errors, attributed to the page they are in.
  const vnu = await vnuPromise;
  const vnuFailures = [];
  for (const v of vnu) {
    const urlPath = v.file && !v.file.startsWith('..') && !v.file.includes(':') ? fileToUrlPath(site.base, v.file) : site.base;
    const f = { site: site.name, page: urlPath, check: 'vnu', rule: 'error', message: `${v.file}:${v.line}: ${v.message}`, element: v.extract ? trunc(v.extract, 80) : undefined };
    failures.push(f);
    vnuFailures.push(f);
  }

  const pageList = [...pages.values()];
  const result = {
    name: site.name, dir: site.dir, base: site.base, seconds: (Date.now() - t0) / 1000,
    pages: pageList, vnu: { failures: vnuFailures }, failures,
    screenshots: shots.flatMap(([label]) => [`${label}-375.png`, `${label}-1280.png`].map((f) => path.join(shotDir, f))),
    passed: pageList.filter((p) => !p.failures.length).length + (vnuFailures.length ? 0 : 1),
    failed: pageList.filter((p) => p.failures.length).length + (vnuFailures.length ? 1 : 0),
  };
  // Failures not tied to a listed page (site-level) still fail the site.
  const loose = failures.filter((f) => f.check !== 'vnu' && !pages.has(f.page)).length;
  if (loose) result.failed += 1;
  console.log(`${site.name}: ${pageList.length} pages checked, ${pageList.filter((p) => p.failures.length).length} with failures; vnu: ${vnuFailures.length} errors (${result.seconds.toFixed(1)} s)`);
  // The heaviest first view of each kind of page, against its budget.
  const heaviest = {};
  for (const p of pageList) if (p.weight && p.weight.bytes > (heaviest[p.weight.kind]?.bytes ?? -1)) heaviest[p.weight.kind] = { ...p.weight, page: p.url };
  result.heaviest = heaviest;
  console.log(`${site.name}: heaviest first view, gzipped: ${Object.entries(heaviest).map(([k, w]) => `${k} ${(w.bytes / KB).toFixed(1)}/${BUDGETS[k] / KB} KB`).join(', ')}`);
  return result;
}

// --------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  for (const need of [CHROMIUM, VNU_JAR]) {
    if (!fs.existsSync(need)) { console.error(`check.mjs: ${need} is missing: run bash tools/browsercheck/install.sh`); process.exit(2); }
  }
  await fsp.mkdir(opts.out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const chromiumVersion = browser.version();
  const results = [];
  try {
    for (const site of opts.sites) results.push(await checkSite(browser, site, opts));
  } finally {
    await browser.close();
  }
  // Sites in argument order, pages in path order, checks in the order found.
  const failures = results.flatMap((r) => r.failures.map((f, i) => [f, i])
    .sort(([a, i], [b, j]) => (a.page < b.page ? -1 : a.page > b.page ? 1 : i - j)).map(([f]) => f));
  for (const f of failures) {
    console.log(`${f.site} ${f.page}: [${f.check}] ${f.rule}: ${f.message}${f.element ? ` (${f.element})` : ''}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const report = {
    date: new Date().toISOString(), seconds: (Date.now() - t0) / 1000, passed, failed,
    versions: {
      'playwright-core': require('playwright-core/package.json').version,
      'axe-core': require('axe-core/package.json').version,
      'vnu-jar': require('vnu-jar/package.json').version,
      chromium: chromiumVersion,
    },
    sites: results,
  };
  await fsp.writeFile(path.join(opts.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`report: ${path.relative(process.cwd(), path.join(opts.out, 'report.json')) || 'report.json'} (${report.seconds.toFixed(1)} s)`);
  console.log(`browsercheck: ${passed} passed, ${failed} failed`);
  process.exit(failures.length ? 1 : 0);
}

// Run only as a script (importing the module gives serve() etc. to tests).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`check.mjs: ${e.stack || e}`);
    process.exit(2);
  });
}

export { serve, siteArg, decodePng, changedPixels, fileToUrlPath, firstViewWeight, pageKind, CHROMIUM, CHROMIUM_ARGS };
