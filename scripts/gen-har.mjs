#!/usr/bin/env node
// Writes a large, varied, deterministic HAR for benchmarks: every status family, JSON,
// HAL, problem+json and envelope bodies, HTML error pages, base64 images and base64 JSON,
// failed requests, and a sprinkling of multi-megabyte bodies. Streams its output, so it
// can write files far bigger than memory.
//
//   node scripts/gen-har.mjs --out big.har [--entries 20000] [--size 1G] [--seed 42] [--large-every 400]
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: tiny, fast and good enough to make the same file from the same seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTS = ['api.example.com', 'shop.example.net', 'auth.example.org', 'cdn.example.com'];
const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
];
const DATE = 'Wed, 01 May 2024 10:00:00 GMT';

function items(rand, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({
      id: Math.floor(rand() * 1e6),
      name: `${WORDS[Math.floor(rand() * WORDS.length)]}-${i}`,
      price: Math.round(rand() * 10000) / 100,
      tags: [WORDS[i % WORDS.length], WORDS[(i * 7) % WORDS.length]],
      active: rand() < 0.8,
      note: rand() < 0.1 ? 'quote " backslash \\ bracket ] brace } unicode café 日本 😀' : null,
    });
  }
  return out;
}

/** Bodies are built once per kind and size class, then reused: generation must outrun the disk. */
function bodyPools(rand) {
  const json = [];
  for (let i = 0; i < 40; i++)
    json.push(JSON.stringify({ items: items(rand, 1 + Math.floor(rand() * 30)), page: i }));
  const hal = [];
  for (let i = 0; i < 20; i++) {
    hal.push(
      JSON.stringify({
        _links: {
          self: { href: `/orders/${i}` },
          next: { href: `/orders?page=${i + 1}` },
          find: { href: '/orders{?id}', templated: true },
        },
        _embedded: {
          items: items(rand, 1 + (i % 5)).map((it) => ({
            ...it,
            _links: { self: { href: `/items/${it.id}` } },
          })),
        },
        total: i * 3,
      }),
    );
  }
  const problem = [];
  for (let i = 0; i < 20; i++) {
    problem.push(
      JSON.stringify({
        type: i % 4 === 0 ? 'about:blank' : `https://example.com/probs/${WORDS[i % WORDS.length]}`,
        title: ['Bad Request', 'Not Found', 'Conflict', 'Unprocessable Content'][i % 4],
        status: [400, 404, 409, 422][i % 4],
        detail: `Detail number ${i}`,
        instance: `/requests/${i}`,
        ...(i % 3 === 0 ? { errors: [{ detail: 'must be positive', pointer: '#/price' }] } : {}),
      }),
    );
  }
  const envelope = [];
  for (let i = 0; i < 10; i++)
    envelope.push(JSON.stringify({ disk: { id: i, size: i * 10 }, errors: [], msg: [`note ${i}`] }));
  const html = [];
  for (let i = 0; i < 5; i++) {
    html.push(
      `<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1><pre>Traceback (most recent call last):\n  File "/srv/app/views.py", line ${40 + i}, in handler\n    raise RuntimeError("boom")\nRuntimeError: boom</pre>${'<p>filler</p>'.repeat(50 * i)}</body></html>`,
    );
  }
  const images = [];
  for (let i = 0; i < 10; i++) {
    const bytes = Buffer.alloc(2000 + Math.floor(rand() * 30000));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(rand() * 256);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    images.push(bytes.toString('base64'));
  }
  const base64Json = json.slice(0, 10).map((b) => Buffer.from(b).toString('base64'));
  // A few big ones: 1 MB to 6 MB (the biggest are over the 5 MB capture cap).
  const large = [];
  for (const mb of [1, 2, 3, 4, 6]) {
    const one = items(rand, 200);
    const chunk = JSON.stringify(one).slice(1, -1);
    const parts = [];
    let size = 0;
    while (size < mb * 1024 * 1024) {
      parts.push(chunk);
      size += chunk.length + 1;
    }
    large.push(`{"items":[${parts.join(',')}]}`);
  }
  return { json, hal, problem, envelope, html, images, base64Json, large };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/**
 * One HAR entry around what varies between the generators; fields in the same order always, so
 * the files stay byte for byte what they were for a seed. `rand` is called once, for the time.
 */
function harEntry(rand, i, { method, url, postBodySize, status, headers, content, error, resourceType }) {
  return {
    startedDateTime: new Date(Date.UTC(2024, 4, 1, 10, 0, 0, i)).toISOString(),
    time: Math.round(rand() * 50000) / 100,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'User-Agent', value: 'gen-har/1' },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: method === 'POST' ? postBodySize : 0,
      ...(method === 'POST' ? { postData: { mimeType: 'application/json', text: '{"name":"new"}' } } : {}),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers,
      cookies: [],
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(error ? { _error: error } : {}),
    },
    cache: {},
    timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 20, receive: 3 },
    _resourceType: resourceType,
    ...(error ? { _error: error } : {}),
  };
}

/** A streamed output file: `write` waits when the disk falls behind; `close` resolves once all is written. */
function outputFile(out) {
  const ws = createWriteStream(out);
  const file = {
    bytes: 0,
    async write(s) {
      file.bytes += Buffer.byteLength(s);
      if (!ws.write(s)) await once(ws, 'drain');
    },
    async close() {
      ws.end();
      await once(ws, 'finish');
    },
  };
  return file;
}

/** One entry's fields; `text` stays separate so big bodies are escaped only once. */
function makeEntry(rand, pools, i, largeEvery) {
  const host = pick(rand, HOSTS);
  const id = Math.floor(rand() * 100000);
  let method = 'GET';
  let path = `/v1/${pick(rand, WORDS)}/${id}`;
  let status = 200;
  let headers = { 'Content-Type': 'application/json', Date: DATE };
  let mimeType = 'application/json';
  let text = '';
  let encoding;
  let error;
  const r = rand();
  if (largeEvery > 0 && i % largeEvery === largeEvery - 1) {
    text = pick(rand, pools.large);
  } else if (r < 0.3) {
    text = pick(rand, pools.json);
  } else if (r < 0.38) {
    method = 'POST';
    path = `/v1/${pick(rand, WORDS)}`;
    status = 201;
    if (rand() < 0.7) headers.Location = `${path}/${id}`;
    text = pick(rand, pools.json);
  } else if (r < 0.43) {
    method = rand() < 0.5 ? 'DELETE' : 'PUT';
    status = 204;
    headers = { Date: DATE };
    mimeType = '';
  } else if (r < 0.48) {
    status = pick(rand, [301, 302, 304, 307, 308]);
    headers = { Location: `https://${host}/v2${path}`, Date: DATE };
    mimeType = '';
  } else if (r < 0.56) {
    headers['Content-Type'] = 'application/hal+json';
    mimeType = 'application/hal+json';
    text = pick(rand, pools.hal);
  } else if (r < 0.66) {
    status = pick(rand, [400, 401, 403, 404, 409, 422, 429]);
    headers['Content-Type'] = 'application/problem+json';
    mimeType = 'application/problem+json';
    if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="api"';
    if (status === 429) headers['Retry-After'] = '30';
    text = pick(rand, pools.problem);
  } else if (r < 0.7) {
    text = pick(rand, pools.envelope);
  } else if (r < 0.74) {
    status = pick(rand, [500, 502, 503, 504]);
    headers['Content-Type'] = 'text/html; charset=utf-8';
    mimeType = 'text/html';
    text = pick(rand, pools.html);
  } else if (r < 0.86) {
    path = `/img/${id}.png`;
    headers['Content-Type'] = 'image/png';
    mimeType = 'image/png';
    text = pick(rand, pools.images);
    encoding = 'base64';
  } else if (r < 0.92) {
    text = pick(rand, pools.base64Json);
    encoding = 'base64';
  } else if (r < 0.96) {
    status = 0;
    headers = {};
    mimeType = '';
    error = pick(rand, [
      'net::ERR_CONNECTION_REFUSED',
      'net::ERR_NAME_NOT_RESOLVED',
      'net::ERR_FAILED',
      'net::ERR_TIMED_OUT',
    ]);
  } else if (r < 0.97) {
    status = 103;
    headers = { Link: '</app.css>; rel=preload; as=style' };
    mimeType = '';
  } else {
    status = pick(rand, [200, 400, 500]);
    text = '{"broken": ';
  }
  const url = `https://${host}${path}?page=${i % 50}${rand() < 0.05 ? '&token=secret' : ''}`;
  const size = encoding ? Math.floor((text.length * 3) / 4) : Buffer.byteLength(text);
  const entry = harEntry(rand, i, {
    method,
    url,
    postBodySize: 42,
    status,
    headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
    content: {
      size: status === 0 ? 0 : size,
      mimeType,
      ...(status === 0 ? {} : { text: '\u0000BODY\u0000' }),
      ...(encoding ? { encoding } : {}),
    },
    error,
    resourceType: path.startsWith('/img/') ? 'image' : 'fetch',
  });
  return { entry, text };
}

const PLACEHOLDER = JSON.stringify('\u0000BODY\u0000');

/**
 * Writes the HAR. Stops after `entries` entries, or once `targetBytes` are written,
 * whichever comes first. Resolves to { entries, bytes }.
 */
export async function generateHar({
  out,
  entries = Infinity,
  targetBytes = Infinity,
  seed = 42,
  largeEvery = 400,
}) {
  const rand = rng(seed);
  const pools = bodyPools(rand);
  const escaped = new Map();
  const esc = (text) => {
    let e = escaped.get(text);
    if (e === undefined) {
      e = JSON.stringify(text);
      if (text.length > 10000) escaped.set(text, e);
    }
    return e;
  };
  const file = outputFile(out);
  const write = file.write;
  await write(
    '{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "gen-har", "version": "1" },\n    "pages": [],\n    "entries": [\n',
  );
  let n = 0;
  while (n < entries && file.bytes < targetBytes) {
    const { entry, text } = makeEntry(rand, pools, n, largeEvery);
    let s = JSON.stringify(entry, null, 2).replace(/^/gm, '      ');
    const at = s.indexOf(PLACEHOLDER);
    if (at !== -1) s = s.slice(0, at) + esc(text) + s.slice(at + PLACEHOLDER.length);
    await write(`${n > 0 ? ',\n' : ''}${s}`);
    n++;
  }
  await write('\n    ]\n  }\n}\n');
  await file.close();
  return { entries: n, bytes: file.bytes };
}

/**
 * Writes a HAR of many tiny entries (about 77 bytes each: method, URL, status and nothing
 * else), the shape that shows what a report costs per entry rather than per byte: a million
 * of them make a 77 MB file and, with findings on most, a report of hundreds of megabytes.
 * Resolves to { entries, bytes }.
 */
export async function generateSmallHar({ out, entries = 1_000_000 }) {
  const STATUSES = [200, 201, 204, 301, 304, 400, 401, 404, 409, 500, 503];
  const file = outputFile(out);
  const write = file.write;
  await write('{"log":{"version":"1.2","entries":[\n');
  let batch = '';
  for (let i = 0; i < entries; i++) {
    const status = STATUSES[i % STATUSES.length];
    batch += `${i > 0 ? ',\n' : ''}{"request":{"method":"GET","url":"http://a.test/r/${i}"},"response":{"status":${status}}}`;
    if (batch.length > 1 << 16) {
      await write(batch);
      batch = '';
    }
  }
  await write(`${batch}\n]}}\n`);
  await file.close();
  return { entries, bytes: file.bytes };
}

/**
 * Writes a HAR of many small JSON API exchanges (the shape of a recorded end-to-end test run):
 * about 85% JSON bodies of a few KiB (lists, single resources, problem+json errors), the rest
 * 204s, redirects, 304s and failed requests. 20,000 entries make about 170 MB.
 * Resolves to { entries, bytes, jsonBodies }.
 */
export async function generateApiHar({ out, entries = 20_000, seed = 17 }) {
  const rand = rng(seed);
  const lists = [];
  for (let i = 0; i < 60; i++)
    lists.push(JSON.stringify({ items: items(rand, 50 + Math.floor(rand() * 100)), page: i, total: 5000 }));
  const singles = [];
  for (let i = 0; i < 40; i++)
    singles.push(JSON.stringify({ ...items(rand, 1)[0], history: items(rand, 40) }));
  const problems = [];
  for (let i = 0; i < 10; i++)
    problems.push(
      JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No item ${i}` }),
    );
  const file = outputFile(out);
  const write = file.write;
  let jsonBodies = 0;
  await write('{"log":{"version":"1.2","creator":{"name":"gen-har","version":"1"},"pages":[],"entries":[\n');
  let batch = '';
  for (let i = 0; i < entries; i++) {
    const r = rand();
    const host = pick(rand, HOSTS.slice(0, 3));
    const id = Math.floor(rand() * 100000);
    let method = 'GET';
    let path = `/v1/${pick(rand, WORDS)}`;
    let status = 200;
    let mimeType = 'application/json';
    let text;
    let error;
    const headers = [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Date', value: DATE },
      { name: 'Cache-Control', value: 'no-store' },
    ];
    if (r < 0.5) text = pick(rand, lists);
    else if (r < 0.75) {
      path += `/${id}`;
      text = pick(rand, singles);
    } else if (r < 0.8) {
      method = 'POST';
      status = 201;
      headers.push({ name: 'Location', value: `${path}/${id}` });
      text = pick(rand, singles);
    } else if (r < 0.85) {
      path += `/${id}`;
      status = 404;
      mimeType = 'application/problem+json';
      headers[0].value = mimeType;
      text = pick(rand, problems);
    } else if (r < 0.91) {
      method = 'DELETE';
      path += `/${id}`;
      status = 204;
      mimeType = '';
      headers.shift();
    } else if (r < 0.96) {
      status = 304;
      mimeType = '';
      headers.shift();
    } else {
      status = 0;
      mimeType = '';
      error = 'net::ERR_CONNECTION_REFUSED';
      headers.length = 0;
    }
    if (text !== undefined) jsonBodies++;
    const entry = harEntry(rand, i, {
      method,
      url: `https://${host}${path}?page=${i % 50}`,
      postBodySize: 14,
      status,
      headers,
      content: {
        size: text === undefined ? 0 : Buffer.byteLength(text),
        mimeType,
        ...(text === undefined ? {} : { text }),
      },
      error,
      resourceType: 'fetch',
    });
    batch += `${i > 0 ? ',\n' : ''}${JSON.stringify(entry, null, 1)}`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(`${batch}\n]}}\n`);
  await file.close();
  return { entries, bytes: file.bytes, jsonBodies };
}

function sizeArg(text) {
  const m = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(text);
  if (!m) throw new Error(`bad size ${text}`);
  return Math.floor(Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const out = opt('out');
  if (!out) {
    console.error(
      'usage: node scripts/gen-har.mjs --out FILE [--entries N] [--size 1G] [--seed N] [--large-every N] [--small | --api]',
    );
    process.exit(2);
  }
  if (args.includes('--api')) {
    const r = await generateApiHar({ out, entries: opt('entries') ? Number(opt('entries')) : 20_000 });
    console.log(
      `wrote ${out}: ${r.entries} API entries (${r.jsonBodies} JSON bodies), ${(r.bytes / 1024 / 1024).toFixed(1)} MiB`,
    );
    process.exit(0);
  }
  if (args.includes('--small')) {
    const r = await generateSmallHar({ out, entries: opt('entries') ? Number(opt('entries')) : 1_000_000 });
    console.log(`wrote ${out}: ${r.entries} small entries, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB`);
    process.exit(0);
  }
  const result = await generateHar({
    out,
    entries: opt('entries') ? Number(opt('entries')) : opt('size') ? Infinity : 20000,
    targetBytes: opt('size') ? sizeArg(opt('size')) : Infinity,
    seed: opt('seed') ? Number(opt('seed')) : 42,
    largeEvery: opt('large-every') ? Number(opt('large-every')) : 400,
  });
  console.log(`wrote ${out}: ${result.entries} entries, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB`);
}
