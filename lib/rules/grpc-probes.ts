import type { Finding } from '../model/finding';
import type { Container, Probe } from '../model/snapshot';
import type { Text } from '../model/text';
import { list, t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import { containerPath, key, named, refText, setting, value } from './support/text';

const ID = 'grpc-probes';
const CHANGE = 'grpc-probes-beta';

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
  // Most exec probes run something else: no token can name the binary when no part contains its name.
  if (!command.some((part) => part.includes('grpc_health_probe'))) return undefined;
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

/** What this check says. */
const say = {
  runs: (container: Text, subject: Text, kinds: Text, plural: boolean, caveats: Text[]) =>
    t`Container ${container} of ${subject} runs grpc_health_probe in its ${kinds} probe${plural ? 's' : ''}. Since 1.24 the kubelet can call the gRPC health service itself (GRPCContainerProbe, beta and on by default), without forking a process on every check or shipping the binary in the image.${caveats.length > 0 ? t` Note: ${list(caveats, caveats.length)}.` : ''}`,
  unsupported: (flags: Text) =>
    t`it passes ${flags}, which the native probe cannot do (no TLS or custom headers), so keep the exec probe for now`,
  remote: (host: Text) => t`it checks ${host}, while a native probe always connects to the pod's own IP`,
  noPort: t`the port could not be read from -addr`,
  fix: (fields: Text, replacement: Text) =>
    t`Once every node runs a 1.24 or newer kubelet, replace exec in ${fields} with ${replacement} (the port must be a number, not a port name), then drop grpc_health_probe from the image.`,
  replacement: (call: GrpcHealthProbeCall): Text => {
    const port = call.port === undefined ? t`<port>` : t`${call.port}`;
    return call.service ? t`grpc: {port: ${port}, service: ${value(call.service)}}` : t`grpc: {port: ${port}}`;
  },
  exec: t`exec probe running grpc_health_probe`,
};

function finding(s: PodSubject, c: Container, probes: { probe: Probe; call: GrpcHealthProbeCall }[]): Finding {
  const kinds = probes.map((p) => p.probe.kind);
  const first = probes[0]?.call ?? { unsupported: [] };
  const unsupported = [...new Set(probes.flatMap((p) => p.call.unsupported))];
  const remote = probes.map((p) => p.call.host).find((h) => !isLocalHost(h));
  const caveats: Text[] = [];
  if (unsupported.length > 0) caveats.push(say.unsupported(list(unsupported.map(setting), unsupported.length)));
  if (remote !== undefined) caveats.push(say.remote([value(remote)]));
  if (first.port === undefined) caveats.push(say.noPort);
  const where = containerPath(s, c);
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    ...subjectTarget(s),
    discriminator: `${c.role}:${c.name}`,
    message: say.runs([named(c.name)], refText(s.ref), list(kinds.map(key)), kinds.length > 1, caveats),
    remediation: say.fix(
      list(
        kinds.map((k) => t`${where}.${k}Probe`),
        kinds.length,
      ),
      say.replacement(first),
    ),
    evidence: probes.map((p) => ({
      source: 'field' as const,
      path: t`${where}.${p.probe.kind}Probe.exec.command`,
      value: [value((p.probe.command ?? []).join(' '))],
      detail: say.exec,
    })),
  });
}

export const rule: Rule = {
  id: ID,
  title: 'Exec probes that run grpc_health_probe',
  changeIds: [CHANGE],
  needs: [...POD_SUBJECT_NEEDS],
  run(snapshot) {
    const findings = podSubjects(snapshot).flatMap((s) =>
      s.containers.flatMap((c) => {
        const probes = c.probes.flatMap((probe) => {
          const call = probe.handler === 'exec' ? parseGrpcHealthProbe(probe.command ?? []) : undefined;
          return call ? [{ probe, call }] : [];
        });
        return probes.length > 0 ? [finding(s, c, probes)] : [];
      }),
    );
    return sortFindings(findings);
  },
};
