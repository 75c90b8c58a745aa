#!/usr/bin/env node
// Full-page screenshots of a few pages of a built site at 375 and 1280 px,
// and what each page's first view weighs as the browser loads it (gzipped,
// as the gate's server sends it; nothing scrolled).
//
//   node shoot.mjs [--out DIR] SITEDIR[@BASEPATH] PAGE[=LABEL] ...
//
// PAGE is a path under the base path ("" or "/" is the home page); LABEL
// names the screenshots, DIR/LABEL-375.png and DIR/LABEL-1280.png
// (default label: the path's last segment, or "home"). Needs install.sh.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, siteArg, firstViewWeight, CHROMIUM, CHROMIUM_ARGS } from './check.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

function usage(msg) {
  if (msg) console.error(`shoot.mjs: ${msg}`);
  console.error('usage: node shoot.mjs [--out DIR] SITEDIR[@BASEPATH] PAGE[=LABEL] ...');
  process.exit(2);
}

const argv = process.argv.slice(2);
let out = path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts');
while (argv[0]?.startsWith('--')) {
  const a = argv.shift();
  if (a === '--out') out = path.resolve(argv.shift() ?? usage('--out needs a folder'));
  else usage(`unknown option ${a}`);
}
const { dir, base } = siteArg(argv.shift(), usage);
if (!argv.length) usage('no page given');

fs.mkdirSync(out, { recursive: true });
const server = await serve(dir, base);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  for (const arg of argv) {
    const [p, label] = arg.split('=');
    const url = origin + base + p.replace(/^\//, '');
    const name = label || p.replace(/\/$/, '').split('/').pop() || 'home';
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fr-FR', serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      const w = await firstViewWeight(page);
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`${base}${p.replace(/^\//, '')} at ${width} px: ${(w.bytes / 1024).toFixed(1)} KB gzipped in ${w.requests.length} requests, ${height} px tall → ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
