import type { Container, EnvHint, Probe, ProbeKind } from '../../model/snapshot';
import type { FieldReads } from './field-reads';
import { keepDockerArg, keepEnv } from './keep';
import { num, put, rec, recs, str, strs, text } from './read';
import type { Raw } from './read';
import { projectSecurityContext, SECURITY_CONTEXT_READS } from './security-context';

const PROBES: readonly [ProbeKind, string][] = [
  ['liveness', 'livenessProbe'],
  ['readiness', 'readinessProbe'],
  ['startup', 'startupProbe'],
];

/** What projectProbe reads: which handler a probe has, and an exec probe's command. */
const PROBE_READS: FieldReads = { exec: { command: true }, httpGet: {}, tcpSocket: {}, grpc: {} };

/** What projectContainer reads of a container (of any role). */
export const CONTAINER_READS: FieldReads = {
  name: true,
  image: true,
  command: true,
  args: true,
  env: { name: true, value: true },
  ports: { hostPort: true },
  volumeMounts: { name: true, mountPath: true },
  livenessProbe: PROBE_READS,
  readinessProbe: PROBE_READS,
  startupProbe: PROBE_READS,
  securityContext: SECURITY_CONTEXT_READS,
};

function projectProbe(kind: ProbeKind, p: Raw | undefined): Probe | undefined {
  if (!p) return undefined;
  const exec = rec(p, 'exec');
  if (exec) return { kind, handler: 'exec', command: strs(exec, 'command') };
  if (rec(p, 'httpGet')) return { kind, handler: 'httpGet' };
  if (rec(p, 'tcpSocket')) return { kind, handler: 'tcpSocket' };
  if (rec(p, 'grpc')) return { kind, handler: 'grpc' };
  return undefined;
}

function projectEnv(c: Raw): EnvHint[] {
  const out: EnvHint[] = [];
  for (const e of recs(c, 'env')) {
    const name = str(e, 'name');
    const value = str(e, 'value');
    if (name === undefined || !keepEnv(name, value)) continue;
    const hint: EnvHint = { name };
    put(hint, 'value', value);
    out.push(hint);
  }
  return out;
}

function projectDockerArgs(c: Raw): string[] {
  return [...strs(c, 'command'), ...strs(c, 'args')].flatMap((a) => keepDockerArg(a) ?? []);
}

/** Projects one container (of any role); undefined when it has no name. */
export function projectContainer(c: Raw, role: Container['role']): Container | undefined {
  const name = text(c, 'name');
  if (name === undefined) return undefined;
  const probes: Probe[] = [];
  for (const [kind, field] of PROBES) {
    const probe = projectProbe(kind, rec(c, field));
    if (probe) probes.push(probe);
  }
  const hostPorts = recs(c, 'ports').flatMap((p) => {
    const port = num(p, 'hostPort');
    return port !== undefined && port > 0 ? [port] : [];
  });
  return {
    name,
    image: str(c, 'image') ?? '',
    role,
    volumeMounts: recs(c, 'volumeMounts').flatMap((m) => {
      const mountName = str(m, 'name');
      const mountPath = str(m, 'mountPath');
      return mountName === undefined || mountPath === undefined ? [] : [{ name: mountName, mountPath }];
    }),
    env: projectEnv(c),
    dockerArgs: projectDockerArgs(c),
    probes,
    securityContext: projectSecurityContext(rec(c, 'securityContext'), false),
    hostPorts,
  };
}

/** Projects init, regular and ephemeral containers of a raw pod spec, in that order. */
export function projectContainers(spec: Raw): Container[] {
  const groups: readonly [string, Container['role']][] = [
    ['initContainers', 'init'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeral'],
  ];
  return groups.flatMap(([field, role]) => recs(spec, field).flatMap((c) => projectContainer(c, role) ?? []));
}
