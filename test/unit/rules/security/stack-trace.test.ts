import { describe, expect, it } from 'vitest';
import rule from '../../../../src/core/rules/security/stack-trace';
import { findStackTrace } from '../../../../src/core/leaks/trace-patterns';
import { buildContext, DEFAULT_LIMITS } from '../../../../src/core/engine/context';
import { makeExchange } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';
import { expectLinearScaling } from '../../../helpers/scaling';

const json = { 'Content-Type': 'application/json' };
const text = { 'Content-Type': 'text/plain' };

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary JSON error',
      status: 500,
      headers: json,
      body: { error: 'Internal Server Error', requestId: 'abc' },
    },
    {
      name: 'prose mentioning "at" and parentheses',
      headers: text,
      body: 'Meet at noon (room 12) in building 5:line up',
    },
    { name: 'file name without a frame', headers: text, body: 'See Foo.java:42 for details' },
    {
      name: 'an export URL with a timestamp is not a Node.js frame',
      headers: json,
      body: {
        message: 'Your export is ready at https://files.example.com/exports/2026-01-01T10:30:00Z.csv',
        previous: 'Earlier export at https://files.example.com/exports/2025-12-31T09:15:00Z.csv',
      },
    },
    {
      name: 'time-stamped URLs on separate lines are not frames either',
      status: 500,
      headers: text,
      body: 'ready at https://x.example/a/2026-01-01T10:30:00Z.csv\nready at https://x.example/b/2026-01-02T10:30:00Z.csv',
    },
    {
      name: 'a single Java frame is not enough',
      status: 500,
      headers: json,
      body: { message: 'failed at com.acme.Svc.run(Svc.java:9)' },
    },
    {
      name: 'two frames on one line read like prose, not a trace',
      status: 500,
      headers: text,
      body: 'called at a (/srv/x.js:1:2) and at b (/srv/y.js:3:4)',
    },
    {
      name: 'one frame each in two object members is not a trace',
      status: 500,
      headers: json,
      body: { a: 'at x (/srv/a.js:1:2)', b: 'at y (/srv/b.js:3:4)' },
    },
    {
      name: 'frames of two runtimes on separate lines do not pair up',
      status: 500,
      headers: text,
      body: 'at com.acme.Svc.run(Svc.java:9)\nat handler (/srv/app.js:1:2)',
    },
    {
      name: 'one tab-indented Java frame, as on a Tomcat page, is not enough',
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: '<pre>javax.servlet.ServletException: boom\n\tcom.acme.Svc.run(Svc.java:9)\n</pre>',
    },
    {
      name: 'tab-separated columns naming source files are not frames',
      headers: text,
      body: 'file\tlines\nSvc.java\t(Svc.java:9)\nMain.java\t(Main.java:3)',
    },
    {
      name: 'an error line above prose that holds a frame-like URL',
      status: 500,
      headers: text,
      body: 'Error: export failed\nThe partial file is ready at https://files.example.com/exports/x.csv:10:30',
    },
    {
      name: 'a frame on its own line with no exception header above it',
      status: 500,
      headers: text,
      body: 'Deployed build 12\n    at https://cdn.example.com/app.js:1:2',
    },
    {
      name: 'the exception header and the frame in different members',
      status: 500,
      headers: json,
      body: { error: 'TypeError: x is undefined', where: 'at fn (/srv/app.js:1:2)' },
    },
    { name: 'body not captured', status: 500, headers: json },
    { name: 'binary body', status: 500, rawBody: { kind: 'binary', size: 100 } },
  ],
  invalid: [
    {
      name: 'Spring Boot trace member',
      status: 500,
      headers: json,
      body: {
        status: 500,
        trace:
          'java.lang.NullPointerException: boom\n\tat com.example.demo.OrderService.find(OrderService.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:833)',
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/trace',
          message: ['Java', 'at com.example.demo.OrderService.find(OrderService.java:42)'],
        },
      ],
    },
    {
      name: 'Python traceback in plain text',
      status: 500,
      headers: text,
      body: 'Traceback (most recent call last):\n  File "/app/main.py", line 10, in <module>\nZeroDivisionError: division by zero',
      findings: [{ severity: 'warning', message: ['Python', 'Traceback (most recent call last)'] }],
    },
    {
      name: 'Node trace nested in an array',
      status: 500,
      headers: json,
      body: {
        errors: [
          {
            stack:
              'TypeError: x is undefined\n    at handler (/srv/app/routes/users.js:17:9)\n    at Layer.handle (/srv/node_modules/express/lib/router/layer.js:95:5)',
          },
        ],
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/errors/0/stack',
          message: ['Node.js', 'at handler (/srv/app/routes/users.js:17:9)'],
        },
      ],
    },
    {
      name: '.NET trace in HTML',
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: '<pre>System.InvalidOperationException: bad\n   at Shop.Api.OrdersController.Get(Int32 id) in /src/Shop.Api/OrdersController.cs:line 27\n   at lambda_method(Closure, Object, Object[]) in /src/Shop.Api/Startup.cs:line 9</pre>',
      findings: [{ severity: 'warning', message: ['.NET', 'OrdersController.Get'] }],
    },
    {
      name: 'PHP stack trace',
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: 'PHP Fatal error:  Uncaught Exception: nope in /var/www/index.php:3\nStack trace:\n#0 {main}\n  thrown in /var/www/index.php on line 3',
      findings: [{ severity: 'warning', message: ['PHP', 'Stack trace: #0 {main}'] }],
    },
    {
      name: 'Ruby backtrace',
      status: 500,
      headers: json,
      body: {
        backtrace: ["app/models/order.rb:12:in `total'", "app/controllers/orders_controller.rb:5:in `show'"],
      },
      findings: [
        { severity: 'warning', pointer: '/backtrace/0', message: ['Ruby', 'app/models/order.rb:12:in'] },
      ],
    },
    {
      name: 'Go panic',
      status: 500,
      headers: text,
      body: 'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:8 +0x1d',
      findings: [{ severity: 'warning', message: ['Go', 'goroutine 1 [running]:'] }],
    },
    {
      name: 'trace in invalid JSON falls back to the raw text',
      status: 500,
      headers: json,
      body: '{"trace": "at com.acme.Svc.run(Svc.java:9)\\n\\tat com.acme.Main.main(Main.java:3)"',
      findings: [{ severity: 'warning', message: ['Java', 'Svc.java:9'] }],
    },
    {
      name: 'GitHub issue with a pasted Java trace: info, worded as likely data',
      status: 200,
      headers: json,
      url: 'https://api.github.com/repos/octo-org/widgets/issues/7',
      body: {
        id: 1,
        number: 7,
        title: 'NPE when saving',
        body: 'Steps to reproduce…\n```\njava.lang.NullPointerException\n\tat com.example.Foo.save(Foo.java:42)\n\tat com.example.Bar.run(Bar.java:7)\n```',
        state: 'open',
      },
      findings: [
        {
          severity: 'info',
          pointer: '/body',
          message: ['what looks like a Java stack trace', 'often data', 'Foo.save(Foo.java:42)'],
        },
      ],
    },
    {
      name: 'Sentry-style event in a 200: info',
      status: 200,
      headers: json,
      body: {
        eventID: 'a1b2',
        entries: [
          {
            type: 'message',
            data: {
              formatted:
                'TypeError: x is undefined\n    at render (https://app.example.com/static/main.js:1:2345)\n    at commit (https://app.example.com/static/vendor.js:2:999)',
            },
          },
        ],
      },
      findings: [{ severity: 'info', pointer: '/entries/0/data/formatted', message: 'Node.js' }],
    },
    {
      name: 'a trace that is a whole 200 body is still a warning',
      status: 200,
      headers: text,
      body: 'Traceback (most recent call last):\n  File "/app/main.py", line 10, in <module>\nKeyError: x',
      findings: [{ severity: 'warning', message: 'Python' }],
    },
    {
      name: '4xx JSON trace stays a warning',
      status: 404,
      headers: json,
      body: {
        error: 'not found',
        stack:
          'Error: not found\n    at find (/srv/app/users.js:3:9)\n    at Layer.handle (/srv/node_modules/express/lib/router/layer.js:95:5)',
      },
      findings: [{ severity: 'warning', pointer: '/stack', message: 'Node.js' }],
    },
    {
      name: 'frames with CRLF line ends',
      status: 500,
      headers: text,
      body: 'java.lang.IllegalStateException\r\n\tat a.B.c(B.java:1)\r\n\tat a.B.d(B.java:2)',
      findings: [{ severity: 'warning', message: ['Java', 'a.B.c(B.java:1)'] }],
    },
    {
      name: 'Python frames without the Traceback header',
      status: 500,
      headers: text,
      body: '  File "/app/a.py", line 3, in f\n    g()\n  File "/app/b.py", line 9, in g',
      findings: [{ severity: 'warning', message: ['Python', 'File "/app/a.py", line 3'] }],
    },
    {
      name: 'frames separated by <br /> in HTML',
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: 'Error<br />at com.acme.Svc.run(Svc.java:9)<br />at com.acme.Main.main(Main.java:3)',
      findings: [{ severity: 'warning', message: 'Java' }],
    },
    {
      // Real traffic: A57 in test/fixtures/realworld (OWASP Benchmark on Tomcat, exported by ZAP).
      name: 'Tomcat\'s error page: tab-indented frames without "at ", HTML-escaped',
      status: 500,
      headers: { 'Content-Type': 'text/html;charset=utf-8' },
      body:
        '<p><b>Root Cause</b></p><pre>java.net.ConnectException: Connection refused\n' +
        '\tjava.base&#47;sun.nio.ch.Net.connect0(Native Method)\n' +
        '\tjava.base&#47;sun.nio.ch.Net.connect(Net.java:579)\n' +
        '\tjava.naming&#47;com.sun.jndi.ldap.Connection.&lt;init&gt;(Connection.java:232)\n</pre>',
      findings: [{ severity: 'warning', message: ['Java', 'sun.nio.ch.Net.connect(Net.java:579)'] }],
    },
    {
      name: 'Node.js frames over browser bundle URLs in a 500',
      status: 500,
      headers: json,
      body: {
        stack:
          'Error: boom\n    at a (https://cdn.example.com/app.js:1:2345)\n    at https://cdn.example.com/app.js:1:999',
      },
      findings: [
        { severity: 'warning', pointer: '/stack', message: 'at a (https://cdn.example.com/app.js:1:2345)' },
      ],
    },
    {
      name: 'Express 500 with a message and a one-frame stack member (#13)',
      status: 500,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Powered-By': 'Express' },
      requestHeaders: { Accept: 'application/json' },
      body: {
        message: "Cannot read properties of undefined (reading 'id')",
        stack:
          "TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (/srv/app/routes/users.js:14:27)",
      },
      findings: [
        {
          severity: 'warning',
          pointer: '/stack',
          message: ['Node.js', 'at getUser (/srv/app/routes/users.js:14:27)'],
        },
      ],
    },
    {
      name: 'text/plain trace answering a fetch that asked for JSON (#13)',
      status: 500,
      resourceType: 'fetch',
      requestHeaders: { Accept: 'application/json' },
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: 'Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
      findings: [
        {
          severity: 'warning',
          message: ['Node.js', 'at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)'],
        },
      ],
    },
    {
      name: "Express router frames name the method through V8's [as alias]",
      status: 500,
      headers: text,
      body: 'Something broke\n    at Layer.handle [as handle_request] (/srv/node_modules/express/lib/router/layer.js:95:5)\n    at next (/srv/node_modules/express/lib/router/route.js:149:13)',
      findings: [{ severity: 'warning', message: 'at Layer.handle [as handle_request]' }],
    },
    {
      name: 'Node system error header with a code, then one frame',
      status: 500,
      headers: json,
      body: {
        stack:
          'Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client\n    at ServerResponse.setHeader (node:_http_outgoing:652:11)',
      },
      findings: [{ severity: 'warning', pointer: '/stack', message: 'ServerResponse.setHeader' }],
    },
    {
      name: 'a message over two lines, then one frame',
      status: 500,
      headers: text,
      body: 'ValidationError: order is invalid\n  total: must be positive\n    at validate (/srv/app/orders.js:8:11)',
      findings: [{ severity: 'warning', message: 'at validate (/srv/app/orders.js:8:11)' }],
    },
    {
      name: 'Java exception line with one frame',
      status: 500,
      headers: json,
      body: { trace: 'java.lang.IllegalStateException: closed\n\tat com.acme.Pool.get(Pool.java:31)' },
      findings: [{ severity: 'warning', pointer: '/trace', message: ['Java', 'Pool.get(Pool.java:31)'] }],
    },
    {
      name: '.NET exception line with one frame',
      status: 500,
      headers: text,
      body: 'System.InvalidOperationException: bad\r\n   at Shop.Api.OrdersController.Get(Int32 id) in /src/Shop.Api/OrdersController.cs:line 27',
      findings: [{ severity: 'warning', message: ['.NET', 'OrdersController.Get'] }],
    },
    {
      name: 'one headed frame in invalid JSON: escaped line break in the raw text',
      status: 500,
      headers: json,
      body: '{"stack": "Error: boom\\n    at fn (/srv/app.js:1:2)"',
      findings: [{ severity: 'warning', message: ['Node.js', 'at fn (/srv/app.js:1:2)'] }],
    },
    {
      name: 'Ruby backtrace array in a 2xx resource is info',
      status: 200,
      headers: json,
      body: { ok: true, backtrace: ["app/a.rb:1:in `x'", "app/b.rb:2:in `y'"] },
      findings: [{ severity: 'info', pointer: '/backtrace/0', message: 'Ruby' }],
    },
  ],
});

describe('security/stack-trace limits', () => {
  it('quotes at most 80 characters', () => {
    const frame = `at com.example.${'a'.repeat(150)}.run(Foo.java:1)\n\tat b.C.d(C.java:2)`;
    const hit = findStackTrace(frame);
    expect(hit?.kind).toBe('Java');
    expect(hit!.excerpt.length).toBeLessThanOrEqual(80);
  });

  // Linear means t(8n) stays near 8 × t(n), far from the 64× of a backtracking pattern (see
  // scaling.ts for why a ratio and not a wall-clock limit).
  // The timeout only stops a hang; the guard is the ratio. Several inputs at up to 2 MB take a
  // few seconds, more on a busy machine.
  it('scans hostile 2 MB bodies in linear time', { timeout: 60_000 }, () => {
    // Each body of about `chars` characters; 8n stays under maxScanChars, past which only a
    // prefix is scanned.
    const fill = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length));
    const hostile: ((chars: number) => string)[] = [
      (c) => fill('at ', c),
      (c) => fill('at a(', c),
      (c) => fill('at a() in ', c),
      (c) => `File "${'a'.repeat(c)}`,
      (c) => `at ${fill('/a', c)}`,
      (c) => fill('.rb:1', c),
      (c) => fill('at a (/x.js:1:2) ', c),
      (c) => fill('at a.B.c(B.java:1)', c),
      (c) => fill('\\n', c),
      (c) => `Error: x\n${' '.repeat(c)}y at a (/x.js:1:2)`,
      (c) => fill('Error: x at a (/x.js:1:2) ', c),
    ];
    for (const body of hostile) {
      expectLinearScaling(
        (n) => body(n),
        (text) => {
          const ctx = buildContext(makeExchange({ headers: { 'Content-Type': 'text/plain' }, body: text }));
          expect(rule.check(ctx)).toEqual([]);
        },
        { n: 16_000, maxSize: DEFAULT_LIMITS.maxScanChars - 100 },
      );
    }
  });

  it('finds a trace hidden deeper than the JSON walk goes', () => {
    let body = '"at com.acme.Svc.run(Svc.java:9)\\n\\tat com.acme.Main.main(Main.java:3)"';
    for (let i = 0; i < 200; i++) body = `{"a":${body}}`;
    const ctx = buildContext(makeExchange({ headers: { 'Content-Type': 'application/json' }, body }));
    const [report] = rule.check(ctx);
    expect(report?.message).toContain('Java');
    expect(report?.pointer).toBeUndefined();
  });
});
