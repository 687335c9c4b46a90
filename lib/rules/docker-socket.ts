import type { Severity } from '../model/catalog';
import { containerLabel } from './support/containers';
import { hostPathMessage, hostPathRemediation, MIGRATE_SOCKET, whereToChange } from './support/docker-advice';
import { dockerUsages, type DockerRef, type EndpointUsage, type HostPathUsage } from './support/docker-usage';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { containerPath, podSubjects, type PodSubject } from './support/subjects';
import type { Confidence, Evidence, Finding } from '../model/finding';
import type { Rule } from './support/check';

const CHANGE = 'dockershim-removal';
const RULE_ID = 'docker-socket';

function grade(u: HostPathUsage): { severity: Severity; confidence: Confidence } {
  if (u.unmounted) return { severity: 'info', confidence: 'possible' };
  if (u.pathKind === 'socket' || u.refs.some((r) => r.kind === 'socket'))
    return { severity: 'breaking', confidence: 'certain' };
  switch (u.kind) {
    case 'docker-data':
      return { severity: 'breaking', confidence: 'likely' };
    case 'docker-config':
    case 'run-dir':
      return { severity: 'action', confidence: 'likely' };
    default:
      return { severity: 'info', confidence: 'possible' };
  }
}

function refEvidence(subject: PodSubject, r: DockerRef): Evidence {
  const base = containerPath(subject, r.container);
  const reach = r.hostPath === undefined ? '' : `, which is ${r.hostPath} on the node`;
  return r.source === 'env'
    ? {
        source: 'field',
        path: `${base}.env[${r.name ?? ''}]`,
        value: r.text === '' ? '(set from a reference: valueFrom)' : r.text,
        detail: `${containerLabel(r.container)} points a Docker client here${reach}.`,
      }
    : {
        source: 'field',
        path: `${base}.command/args`,
        value: r.text,
        detail: `${containerLabel(r.container)} names a Docker endpoint on its command line${reach}.`,
      };
}

function hostPathEvidence(subject: PodSubject, u: HostPathUsage): Evidence[] {
  const { path, hostPathType } = u.volume.source;
  const normalized = u.normalized !== path && !path.includes('\\') ? `, normalized to ${u.normalized}` : '';
  const type = hostPathType ? `, type ${hostPathType}` : '';
  return [
    {
      source: 'field',
      path: `${subject.specPath}.volumes[${u.volume.name}].hostPath.path`,
      value: path,
      detail: `hostPath volume "${u.volume.name}"${normalized}${type}.`,
    },
    ...u.mounts.map((m): Evidence => ({
      source: 'field',
      path: `${containerPath(subject, m.container)}.volumeMounts[${u.volume.name}].mountPath`,
      value: m.mountPath,
      detail: `Mounted by ${containerLabel(m.container)}.`,
    })),
    ...u.refs.map((r) => refEvidence(subject, r)),
  ];
}

function endpointFinding(subject: PodSubject, usages: EndpointUsage[]): Finding | undefined {
  const first = usages[0];
  if (!first) return undefined;
  const what = describeRef(subject.ref);
  const c = containerLabel(first.ref.container);
  const tcp = first.type === 'tcp';
  const texts = [...new Set(usages.map((u) => u.ref.text))].join(', ');
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: tcp ? 'breaking' : 'action',
    confidence: tcp ? 'likely' : 'possible',
    ...subjectTarget(subject),
    discriminator: `${first.type}:${first.ref.container.role}:${first.ref.container.name}`,
    message: tcp
      ? `${what}: ${c} talks to the Docker Engine of its node over TCP (${texts}). Nodes on containerd or CRI-O run no Docker daemon, so those calls fail.`
      : `${what}: ${c} sets DOCKER_HOST from a reference Release Lens does not read (valueFrom), so it uses a Docker daemon somewhere; if that is the node’s, it stops working on containerd or CRI-O nodes.`,
    remediation: `${tcp ? MIGRATE_SOCKET : `Check where DOCKER_HOST points. If it is the node’s Docker Engine: ${MIGRATE_SOCKET}`}${whereToChange(subject)}`,
    evidence: usages.map((u) => refEvidence(subject, u.ref)),
  });
}

function findingsOf(subject: PodSubject): Finding[] {
  const what = describeRef(subject.ref);
  const findings: Finding[] = [];
  const endpoints = new Map<string, EndpointUsage[]>();
  for (const u of dockerUsages(subject)) {
    if (u.type !== 'hostPath') {
      const key = `${u.type}:${u.ref.container.role}:${u.ref.container.name}`;
      endpoints.set(key, [...(endpoints.get(key) ?? []), u]);
      continue;
    }
    findings.push(
      makeFinding({
        ruleId: RULE_ID,
        changeId: CHANGE,
        ...grade(u),
        ...subjectTarget(subject),
        discriminator: `volume:${u.volume.name}`,
        message: hostPathMessage(what, u),
        remediation: `${hostPathRemediation(u)}${whereToChange(subject)}`,
        evidence: hostPathEvidence(subject, u),
      }),
    );
  }
  for (const group of endpoints.values()) {
    const f = endpointFinding(subject, group);
    if (f) findings.push(f);
  }
  return findings;
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Workloads that depend on Docker Engine on the node',
  changeIds: [CHANGE],
  needs: [...POD_SUBJECT_NEEDS],
  run(snapshot) {
    return sortFindings(podSubjects(snapshot).flatMap(findingsOf));
  },
};
