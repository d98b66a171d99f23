import { describe, expect, it } from 'vitest';
import rule from '../../../../src/core/rules/security/stack-trace';
import { findStackTrace } from '../../../../src/core/rules/security/trace-patterns';
import { buildContext } from '../../../../src/core/engine/context';
import { makeExchange } from '../../../helpers/exchange';
import { ruleTester } from '../../../helpers/ruleTester';

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
      body: '<pre>System.InvalidOperationException: bad\n   at Shop.Api.OrdersController.Get(Int32 id) in /src/Shop.Api/OrdersController.cs:line 27</pre>',
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
      body: '{"trace": "at com.acme.Svc.run(Svc.java:9)"',
      findings: [{ severity: 'warning', message: ['Java', 'Svc.java:9'] }],
    },
  ],
});

describe('security/stack-trace limits', () => {
  it('quotes at most 80 characters', () => {
    const frame = `at com.example.${'a'.repeat(150)}.run(Foo.java:1)`;
    const hit = findStackTrace(frame);
    expect(hit?.kind).toBe('Java');
    expect(hit!.excerpt.length).toBeLessThanOrEqual(80);
  });

  it('scans hostile 2 MB bodies in linear time', () => {
    const hostile = [
      'at '.repeat(700_000),
      'at a('.repeat(400_000),
      'at a() in '.repeat(200_000),
      `File "${'a'.repeat(2_000_000)}`,
      `at ${'/a'.repeat(1_000_000)}`,
      '.rb:1'.repeat(400_000),
    ];
    for (const body of hostile) {
      const started = performance.now();
      const ctx = buildContext(makeExchange({ headers: { 'Content-Type': 'text/plain' }, body }));
      expect(rule.check(ctx)).toEqual([]);
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });

  it('finds a trace hidden deeper than the JSON walk goes', () => {
    let body = '"at com.acme.Svc.run(Svc.java:9)"';
    for (let i = 0; i < 200; i++) body = `{"a":${body}}`;
    const ctx = buildContext(makeExchange({ headers: { 'Content-Type': 'application/json' }, body }));
    const [report] = rule.check(ctx);
    expect(report?.message).toContain('Java');
    expect(report?.pointer).toBeUndefined();
  });
});
