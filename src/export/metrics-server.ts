/**
 * The HTTP side of `memtop serve`: node:http answering GET (and HEAD) /metrics only, 404 for any
 * other path, 405 for another method on /metrics. Bounded: small headers, timeouts on slow
 * requests and idle sockets, a cap on connections, and request bodies refused unread.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsExporter } from './metrics-exporter.js';

export interface ServerLimits {
  maxHeaderBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleSocketTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const SERVER_LIMITS: ServerLimits = {
  maxHeaderBytes: 8 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  idleSocketTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
};

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

async function handle(exporter: MetricsExporter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const startNs = process.hrtime.bigint();
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/metrics') return reply(res, 404, 'memtop: not found; metrics are at /metrics\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'memtop: /metrics answers GET only\n', { Allow: 'GET, HEAD' });
  // A body is never read: refused, and the connection closed so that it is not parsed as a request.
  if (hasBody(req)) return reply(res, 413, 'memtop: a request to /metrics has no body\n', { Connection: 'close' });
  const exposition = await exporter.exposition();
  const headers: Record<string, string> = { 'Content-Type': exposition.contentType, 'X-Content-Type-Options': 'nosniff' };
  if (exposition.status === 503) headers['Retry-After'] = '1';
  res.writeHead(exposition.status, headers);
  if (req.method !== 'HEAD') for (const part of exposition.body) res.write(part);
  res.end();
  if (exposition.status === 200) exporter.observeScrape(Number(process.hrtime.bigint() - startNs) / 1e9);
}

export function metricsServer(exporter: MetricsExporter, limits: ServerLimits = SERVER_LIMITS): Server {
  const server = createServer({
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often the timeouts above are checked (Node's default, 30 s, would let a slow client hold on far longer).
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  }, (req, res) => {
    handle(exporter, req, res).catch(() => {
      exporter.noteError('render');
      if (!res.headersSent) reply(res, 500, 'memtop: could not render the metrics\n');
      else res.destroy();
    });
  });
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleSocketTimeoutMs, (socket) => socket.destroy());
  return server;
}

/** Listens on host:port (port 0: any free port); resolves with the address taken. */
export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.removeListener('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}
