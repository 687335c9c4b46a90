/** What an exec probe running grpc_health_probe asks for, parsed from its command. */
export interface GrpcHealthProbeCall {
  port?: number;
  host?: string;
  service?: string;
  /** Flags the native gRPC probe cannot reproduce (TLS, SPIFFE, custom headers). */
  unsupported: string[];
}

const SHELL_SEPARATORS = new Set(['&&', '||', ';', '|']);
const TAKES_VALUE = new Set([
  'addr',
  'service',
  'rpc-header',
  'tls-ca-cert',
  'tls-client-cert',
  'tls-client-key',
  'tls-server-name',
]);
const unquote = (t: string) => t.replace(/^['"]|['"]$/g, '');
const LOCAL_HOSTS = new Set(['', 'localhost', '127.0.0.1', '0.0.0.0', '[::1]', '[::]', '::1']);

/** True when the address targets the pod itself, which is where a native gRPC probe connects. */
export const isLocalHost = (host: string | undefined) => host === undefined || LOCAL_HOSTS.has(host);

/** Parses a probe command (exec form or a shell string) that runs grpc_health_probe; undefined when it does not. */
export function parseGrpcHealthProbe(command: readonly string[]): GrpcHealthProbeCall | undefined {
  const tokens = command
    .flatMap((part) => part.split(/\s+/))
    .map(unquote)
    .filter((t) => t !== '');
  const start = tokens.findIndex((t) => t.split('/').pop() === 'grpc_health_probe');
  if (start < 0) return undefined;
  const call: GrpcHealthProbeCall = { unsupported: [] };
  for (let i = start + 1; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    if (SHELL_SEPARATORS.has(token)) break;
    if (!token.startsWith('-')) continue;
    const [rawName, inline] = token.replace(/^-+/, '').split('=', 2);
    const name = rawName ?? '';
    const value = inline ?? (TAKES_VALUE.has(name) ? tokens[++i] : undefined);
    if (name === 'addr' && value !== undefined) {
      const at = value.lastIndexOf(':');
      const port = Number(value.slice(at + 1));
      if (at >= 0 && Number.isInteger(port) && port > 0) call.port = port;
      call.host = at >= 0 ? value.slice(0, at) : value;
    } else if (name === 'service' && value !== undefined) {
      call.service = value;
    } else if (name === 'tls' || name.startsWith('tls-') || name === 'spiffe' || name === 'rpc-header') {
      call.unsupported.push(`-${name}`);
    }
  }
  return call;
}
