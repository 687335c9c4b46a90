import { AppError } from '../../errors';
import { normalizeHost } from './host-policy';

/** An API server address split into the parts the network code and the UI need; never carries credentials. */
export interface ServerAddress {
  /** scheme://host:port plus any path prefix, without user info. */
  url: string;
  protocol: 'https:' | 'http:';
  /** Host name or IP, lower-case, without IPv6 brackets. */
  host: string;
  port: number;
  /** host:port as shown to people (IPv6 in brackets). */
  display: string;
}

/** Parses a kubeconfig `server` value; errors name the field and never echo user info embedded in the URL. */
export function parseServerUrl(server: string, field: string): ServerAddress {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new AppError(
      'invalid-input',
      `${field} is not a URL; expected something like https://203.0.113.10:6443.`,
      field,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid-input', `${field} must be an https:// URL (got ${url.protocol}//).`, field);
  }
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  const host = normalizeHost(url.hostname);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const display = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { url: url.toString().replace(/\/$/, ''), protocol: url.protocol, host, port, display };
}
