import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

/** A page that fetches each path once it loads, so DevTools sees them as fetch requests. */
export function pageFetching(paths: readonly string[], extra = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fixture</title></head>
<body><h1>Status Lens fixture</h1>${extra}<script>
(async () => {
  for (const p of ${JSON.stringify(paths)}) {
    try { await fetch(p, { headers: { Accept: 'application/json' } }).then(r => r.text()); } catch (e) {}
  }
  document.title = 'done';
})();
</script></body></html>`;
}

/** Serves fixed routes on 127.0.0.1 with no caching; unknown paths get 404 text. */
export async function startServer(routes: Record<string, Route | Handler>): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (typeof route === 'function') return route(req, res);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end('no such route');
      return;
    }
    res.writeHead(route.status, { 'Cache-Control': 'no-store', ...route.headers });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
