/**
 * --listen HOST:PORT for `memtop serve`: "127.0.0.1:9733", "[::1]:9733", "0.0.0.0:9733", or
 * ":9733" (loopback, the default host). Port 0 takes any free port (memtop prints the one taken).
 */
import { usageError } from './cli-error.js';

/**
 * memtop's default port: not on Prometheus's list of default exporter ports as far as it could
 * be checked (9256 there is process-exporter's); see the README.
 */
export const DEFAULT_SERVE_PORT = 9733;
export const DEFAULT_SERVE_HOST = '127.0.0.1';

export interface ListenAddress {
  host: string;
  port: number;
}

export function listenAddress(text: string): ListenAddress {
  const bad = (why: string) => usageError(`--listen takes HOST:PORT (e.g. 127.0.0.1:${DEFAULT_SERVE_PORT} or [::1]:${DEFAULT_SERVE_PORT}); '${text}' ${why}`);
  const colon = text.lastIndexOf(':');
  if (colon < 0) throw bad('has no port');
  let host = text.slice(0, colon).trim();
  const portText = text.slice(colon + 1).trim();
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw bad('has no port from 0 to 65535');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  else if (host.includes(':')) throw bad('needs brackets around an IPv6 address');
  if (host === '') host = DEFAULT_SERVE_HOST;
  if (!/^[A-Za-z0-9.:_-]+$/.test(host)) throw bad('has no valid host');
  return { host, port: Number(portText) };
}

/** host:port as a URL authority ([::1]:9733 for IPv6). */
export function authority(address: ListenAddress): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}
