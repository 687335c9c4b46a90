import type { Container, Probe } from '../model/snapshot';
import { makeFinding } from './support/finding';
import type { GrpcHealthProbeCall } from './support/grpc-health-probe';
import { isLocalHost, parseGrpcHealthProbe } from './support/grpc-health-probe';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { listNames, POD_SUBJECT_NEEDS } from './support/scope';
import type { PodSubject } from './support/subjects';
import { containerPath, containersToCheck, podSubjects } from './support/subjects';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'grpc-probes';
const CHANGE = 'grpc-probes-beta';

function replacement(call: GrpcHealthProbeCall): string {
  const port = call.port === undefined ? '<port>' : String(call.port);
  return `grpc: {port: ${port}${call.service ? `, service: ${call.service}` : ''}}`;
}

function finding(s: PodSubject, c: Container, probes: { probe: Probe; call: GrpcHealthProbeCall }[]): Finding {
  const kinds = probes.map((p) => p.probe.kind);
  const first = probes[0]?.call ?? { unsupported: [] };
  const unsupported = [...new Set(probes.flatMap((p) => p.call.unsupported))];
  const remote = probes.map((p) => p.call.host).find((h) => !isLocalHost(h));
  const caveats: string[] = [];
  if (unsupported.length > 0)
    caveats.push(
      `it passes ${unsupported.join(', ')}, which the native probe cannot do (no TLS or custom headers), so keep the exec probe for now`,
    );
  if (remote !== undefined)
    caveats.push(`it checks ${remote}, while a native probe always connects to the pod's own IP`);
  if (first.port === undefined) caveats.push('the port could not be read from -addr');
  const where = `${containerPath(s, c)}`;
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    ...subjectTarget(s),
    discriminator: `${c.role}:${c.name}`,
    message: `Container ${c.name} of ${describeRef(s.ref)} runs grpc_health_probe in its ${listNames(kinds)} probe${kinds.length > 1 ? 's' : ''}. Since 1.24 the kubelet can call the gRPC health service itself (GRPCContainerProbe, beta and on by default), without forking a process on every check or shipping the binary in the image.${caveats.length > 0 ? ` Note: ${caveats.join('; ')}.` : ''}`,
    remediation: `Once every node runs a 1.24 or newer kubelet, replace exec in ${kinds.map((k) => `${where}.${k}Probe`).join(', ')} with ${replacement(first)} (the port must be a number, not a port name), then drop grpc_health_probe from the image.`,
    evidence: probes.map((p) => ({
      source: 'field' as const,
      path: `${where}.${p.probe.kind}Probe.exec.command`,
      value: (p.probe.command ?? []).join(' '),
      detail: 'exec probe running grpc_health_probe',
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
      containersToCheck(s).flatMap((c) => {
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
