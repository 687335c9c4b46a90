import type { DeprecatedApiRequest } from '../model/snapshot';

/** The API server gauge that is 1 for each deprecated API requested since the server started. */
export const DEPRECATED_API_METRIC = 'apiserver_requested_deprecated_apis';

/** Lines longer than this are not ours (our series are short); they are skipped without being buffered. */
const MAX_LINE = 64 * 1024;

/** Parses a Prometheus label set body (`a="x",b="y\"z"`); undefined when malformed. */
function parseLabels(body: string): Map<string, string> | undefined {
  const labels = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    while (body[i] === ',' || body[i] === ' ') i += 1;
    if (i >= body.length) break;
    const eq = body.indexOf('=', i);
    if (eq < 0 || body[eq + 1] !== '"') return undefined;
    const name = body.slice(i, eq).trim();
    let value = '';
    let j = eq + 2;
    for (; j < body.length && body[j] !== '"'; j += 1) {
      const c = body[j];
      if (c === '\\') {
        j += 1;
        const esc = body[j];
        value += esc === 'n' ? '\n' : (esc ?? '');
      } else {
        value += c;
      }
    }
    if (j >= body.length) return undefined;
    labels.set(name, value);
    i = j + 1;
  }
  return labels;
}

/** Reads one exposition line; a request when it is a deprecated-API series with value 1, otherwise undefined. */
export function parseDeprecatedApiLine(line: string): DeprecatedApiRequest | undefined {
  if (!line.startsWith(DEPRECATED_API_METRIC) || line[DEPRECATED_API_METRIC.length] !== '{') return undefined;
  // The label body ends at the last '}' (label values never hold an unescaped one in practice).
  const close = line.lastIndexOf('}');
  if (close < 0) return undefined;
  const labels = parseLabels(line.slice(DEPRECATED_API_METRIC.length + 1, close));
  const valueText = line
    .slice(close + 1)
    .trim()
    .split(/\s+/)[0];
  if (!labels || valueText === undefined || Number(valueText) !== 1) return undefined;
  const group = labels.get('group') ?? '';
  const version = labels.get('version');
  const resource = labels.get('resource');
  const removedRelease = labels.get('removed_release') ?? '';
  if (version === undefined || resource === undefined) return undefined;
  const subresource = labels.get('subresource');
  return { group, version, resource, ...(subresource ? { subresource } : {}), removedRelease };
}

/**
 * A line-by-line parser for the API server's /metrics text: feed it chunks as they arrive (the real output is
 * several MB) and it keeps only the deprecated-API series, de-duplicated.
 */
export class DeprecatedApiMetricsParser {
  private rest = '';
  private skipping = false;
  private readonly found = new Map<string, DeprecatedApiRequest>();

  /** Consumes the next chunk of text. */
  write(chunk: string): void {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) {
      if (this.skipping) this.skipping = false;
      else this.line(line);
    }
    if (this.rest.length > MAX_LINE) {
      this.rest = '';
      this.skipping = true;
    }
  }

  /** Flushes the last line and returns every deprecated API requested. */
  end(): DeprecatedApiRequest[] {
    if (!this.skipping) this.line(this.rest);
    this.rest = '';
    this.skipping = false;
    return [...this.found.values()];
  }

  private line(raw: string): void {
    const req = parseDeprecatedApiLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (!req) return;
    const key = [req.group, req.version, req.resource, req.subresource ?? ''].join('/');
    this.found.set(key, req);
  }
}

/** Parses a whole /metrics text into the deprecated APIs that clients requested. */
export function parseDeprecatedApiRequests(text: string): DeprecatedApiRequest[] {
  const parser = new DeprecatedApiMetricsParser();
  parser.write(text);
  return parser.end();
}
