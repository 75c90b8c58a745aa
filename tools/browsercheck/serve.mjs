#!/usr/bin/env node
// Serves a built site on 127.0.0.1 as a host would: under its base path,
// text files gzipped, the site's 404.html for anything missing.
//
//   node serve.mjs SITEDIR[@BASEPATH] [PORT]
//
// Prints the site's address, then serves until stopped.
import path from 'node:path';
import { serve } from './check.mjs';

const [site, port] = process.argv.slice(2);
const m = /^(.+?)(?:@(\/[^@]*))?$/.exec(site ?? '');
if (!m) {
  console.error('usage: node serve.mjs SITEDIR[@BASEPATH] [PORT]');
  process.exit(2);
}
let base = m[2] || '/';
if (!base.endsWith('/')) base += '/';
const server = await serve(path.resolve(m[1]), base, undefined, Number(port) || 0);
console.log(`http://127.0.0.1:${server.address().port}${base}`);
