import type { Severity } from '../model/catalog';
import type { Confidence, Finding } from '../model/finding';
import type { Text } from '../model/text';
import { join, list, t } from '../model/text';
import type { Rule } from './support/check';
import { containerLabel } from './support/containers';
import { isUnder } from './support/docker-paths';
import { dockerUsages, type DockerRef, type EndpointUsage, type HostPathUsage } from './support/docker-usage';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects, type PodSubject } from './support/subjects';
import { containerPath, helmRelease, hostPath, key, named, node, ns, refText, setting, value } from './support/text';

const CHANGE = 'dockershim-removal';
const RULE_ID = 'docker-socket';

/** The advice for a workload that talks to Docker Engine through its socket. */
const MIGRATE_SOCKET = t`Remove the Docker dependency before the nodes leave Docker: image builds move to a daemonless builder (BuildKit rootless, Kaniko, Buildah) or a Docker-in-Docker sidecar that shares its socket through an emptyDir; agents that only inspect containers (monitoring, security, log metadata) move to a release that speaks CRI, with /run/containerd/containerd.sock (or /var/run/crio/crio.sock) mounted instead. Or keep Docker Engine on these nodes behind cri-dockerd.`;

/** What this check says. */
const say = {
  migrateDockershim: t`Point the tool at the new runtime’s CRI socket (unix:///run/containerd/containerd.sock, unix:///var/run/crio/crio.sock, or unix:///run/cri-dockerd.sock with cri-dockerd) and mount that path instead.`,
  migrateLogs: t`Mount /var/log/pods (and /var/log/containers, whose symlinks point into it) instead of /var/lib/docker and parse the CRI log format instead of Docker’s JSON lines (Fluent Bit: multiline.parser cri; Fluentd: a cri parser; Promtail: the cri stage). Current releases of most log agents’ charts already do this.`,
  migrateConfig: t`containerd ignores /etc/docker: write registry certificates and mirrors to /etc/containerd/certs.d/<registry>/hosts.toml (with config_path set in /etc/containerd/config.toml), or to /etc/containers/certs.d and registries.conf.d on CRI-O.`,
  noSocket: t`the pod fails to start there (the hostPath type check finds no socket)`,
  emptyDir: t`the socket is missing there (the kubelet puts an empty directory in its place) and every Docker call fails`,
  volume: (u: HostPathUsage) => t`volume "${named(u.volume.name)}"`,
  unmounted: (what: Text, u: HostPathUsage) =>
    t`${what} declares hostPath ${say.volume(u)} at ${hostPath(u.volume.source.path)} but no container mounts it. The kubelet skips unused volumes, so nothing breaks; it is probably left over from a Docker dependency.`,
  dockershimSocket: (what: Text, u: HostPathUsage, by: Text) =>
    t`${what} mounts dockershim’s CRI socket ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}. That socket disappears with dockershim in 1.24, so CRI clients in the pod (crictl, monitoring or security agents) lose the runtime.`,
  dockerSocket: (what: Text, u: HostPathUsage, by: Text, consequence: Text) =>
    t`${what} mounts the node’s Docker socket ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}. Nodes on containerd or CRI-O have no Docker Engine, so ${consequence}.`,
  through: (what: Text, u: HostPathUsage, by: Text, ref: DockerRef) => {
    const how =
      ref.source === 'env'
        ? t`${ref.name === undefined ? 'an env var' : key(ref.name)}=${value(ref.text)}`
        : t`its command line (${value(ref.text)})`;
    return t`${what} mounts the node’s ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}, and ${containerLabel(ref.container)} reaches the Docker socket through it: ${how} is ${hostPath(ref.hostPath ?? u.volume.source.path)} on the node. On containerd or CRI-O nodes every Docker call fails.`;
  },
  dataLogs: (what: Text, u: HostPathUsage, by: Text) =>
    t`${what} mounts Docker’s data directory ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}, typically to read container logs. On containerd or CRI-O nodes it is empty: logs live in /var/log/pods in the CRI format, so the agent stops collecting them or fails to parse them.`,
  dataState: (what: Text, u: HostPathUsage, by: Text) =>
    t`${what} mounts Docker Engine’s state directory ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}; it does not exist on containerd or CRI-O nodes.`,
  config: (what: Text, u: HostPathUsage, by: Text) =>
    t`${what} mounts Docker’s configuration directory ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}, for example to install registry certificates or mirrors. Whatever it writes there has no effect on containerd or CRI-O nodes.`,
  runDir: (what: Text, u: HostPathUsage, by: Text) =>
    t`${what} mounts the node’s ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}. On Docker nodes that directory holds docker.sock; agents often mount it for other sockets too (containerd, CRI-O, the kubelet), so check whether ${u.mounts.length === 1 ? 'it talks' : 'they talk'} to Docker through it: if so, that stops working on containerd nodes.`,
  broad: (what: Text, u: HostPathUsage, by: Text) =>
    t`${what} mounts the node’s ${hostPath(u.volume.source.path)} (${say.volume(u)}) into ${by}. It includes Docker’s socket and data on Docker nodes, but mounts this broad usually serve /proc, /sys or logs (node exporters, security agents); it matters only if the tool reads docker.sock or /var/lib/docker through it.`,
  removeVolume: (u: HostPathUsage) => t`Remove volume "${named(u.volume.name)}" from the pod spec.`,
  runDirFix: t`If the pod uses docker.sock through this mount: ${MIGRATE_SOCKET} If not, mount only the socket it needs (for example /run/containerd/containerd.sock) instead of the whole directory, so the dependency is explicit.`,
  broadFix: t`Nothing to change unless the tool reads Docker paths through this mount; check its configuration for docker.sock or /var/lib/docker.`,
  inHelm: (release: { namespace: string; name: string }) =>
    t` The object belongs to Helm release ${ns(release.namespace)}/${helmRelease(release.name)}: change it through the chart’s values or a newer chart version.`,
  staticPod: (nodeName: string | undefined) =>
    t` This is a static pod: edit its manifest in the kubelet’s static pod directory (usually /etc/kubernetes/manifests) on ${nodeName === undefined ? 'its node' : t`node ${node(nodeName)}`}.`,
  onNode: (reach: string | undefined) => (reach === undefined ? [] : t`, which is ${hostPath(reach)} on the node`),
  envPoints: (r: DockerRef) => t`${containerLabel(r.container)} points a Docker client here${say.onNode(r.hostPath)}.`,
  argsName: (r: DockerRef) =>
    t`${containerLabel(r.container)} names a Docker endpoint on its command line${say.onNode(r.hostPath)}.`,
  fromReference: t`(set from a reference: valueFrom)`,
  hostPathVolume: (u: HostPathUsage) => {
    const { path, hostPathType } = u.volume.source;
    const normalized =
      u.normalized !== path && !path.includes('\\') ? t`, normalized to ${hostPath(u.normalized)}` : [];
    const type = hostPathType ? t`, type ${setting(hostPathType)}` : [];
    return t`hostPath volume "${named(u.volume.name)}"${normalized}${type}.`;
  },
  mountedBy: (m: HostPathUsage['mounts'][number]) => t`Mounted by ${containerLabel(m.container)}.`,
  tcp: (what: Text, c: Text, texts: Text) =>
    t`${what}: ${c} talks to the Docker Engine of its node over TCP (${texts}). Nodes on containerd or CRI-O run no Docker daemon, so those calls fail.`,
  valueFrom: (what: Text, c: Text) =>
    t`${what}: ${c} sets DOCKER_HOST from a reference Release Lens does not read (valueFrom), so it uses a Docker daemon somewhere; if that is the node’s, it stops working on containerd or CRI-O nodes.`,
  checkWhere: t`Check where DOCKER_HOST points. If it is the node’s Docker Engine: ${MIGRATE_SOCKET}`,
};

function consequence(u: HostPathUsage): Text {
  return u.volume.source.hostPathType === 'Socket' ? say.noSocket : say.emptyDir;
}

function socketRef(u: HostPathUsage): DockerRef | undefined {
  return u.refs.find((r) => r.kind === 'socket');
}

/** The message of a hostPath finding: what is mounted, by whom, and what happens without Docker. */
function hostPathMessage(what: Text, u: HostPathUsage): Text {
  if (u.unmounted) return say.unmounted(what, u);
  const by = list(
    u.mounts.map((m) => containerLabel(m.container)),
    3,
  );
  const ref = socketRef(u);
  if (u.pathKind === 'socket' && /dockershim/i.test(u.volume.source.path)) return say.dockershimSocket(what, u, by);
  if (u.pathKind === 'socket') return say.dockerSocket(what, u, by, consequence(u));
  if (ref) return say.through(what, u, by, ref);
  switch (u.kind) {
    case 'docker-data':
      return isUnder(u.normalized, '/var/lib/docker') ? say.dataLogs(what, u, by) : say.dataState(what, u, by);
    case 'docker-config':
      return say.config(what, u, by);
    case 'run-dir':
      return say.runDir(what, u, by);
    default:
      return say.broad(what, u, by);
  }
}

/** What to do about a hostPath finding. */
function hostPathRemediation(u: HostPathUsage): Text {
  if (u.unmounted) return say.removeVolume(u);
  if (u.pathKind === 'socket' && /dockershim/i.test(u.volume.source.path)) return say.migrateDockershim;
  if (u.pathKind === 'socket' || socketRef(u)) return MIGRATE_SOCKET;
  switch (u.kind) {
    case 'docker-data':
      return isUnder(u.normalized, '/var/lib/docker') ? say.migrateLogs : MIGRATE_SOCKET;
    case 'docker-config':
      return say.migrateConfig;
    case 'run-dir':
      return say.runDirFix;
    default:
      return say.broadFix;
  }
}

/** Where to make the change: the Helm chart, the static pod manifest, or the object itself. */
function whereToChange(subject: PodSubject): Text {
  if (subject.helmRelease) return say.inHelm(subject.helmRelease);
  if (subject.mirror) return say.staticPod(subject.spec.nodeName);
  return [];
}

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

function refEvidence(subject: PodSubject, r: DockerRef): EvidenceDraft {
  const base = containerPath(subject, r.container);
  return r.source === 'env'
    ? {
        source: 'field',
        path: t`${base}.env[${key(r.name ?? '')}]`,
        value: r.text === '' ? say.fromReference : [value(r.text)],
        detail: say.envPoints(r),
      }
    : { source: 'field', path: t`${base}.command/args`, value: [value(r.text)], detail: say.argsName(r) };
}

function hostPathEvidence(subject: PodSubject, u: HostPathUsage): EvidenceDraft[] {
  return [
    {
      source: 'field',
      path: t`${subject.specPath}.volumes[${named(u.volume.name)}].hostPath.path`,
      value: [hostPath(u.volume.source.path)],
      detail: say.hostPathVolume(u),
    },
    ...u.mounts.map((m): EvidenceDraft => ({
      source: 'field',
      path: t`${containerPath(subject, m.container)}.volumeMounts[${named(u.volume.name)}].mountPath`,
      value: [hostPath(m.mountPath)],
      detail: say.mountedBy(m),
    })),
    ...u.refs.map((r) => refEvidence(subject, r)),
  ];
}

function endpointFinding(subject: PodSubject, usages: EndpointUsage[]): Finding | undefined {
  const first = usages[0];
  if (!first) return undefined;
  const what = refText(subject.ref);
  const c = containerLabel(first.ref.container);
  const tcp = first.type === 'tcp';
  const texts = [...new Set(usages.map((u) => u.ref.text))].map((x) => t`${value(x)}`);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: tcp ? 'breaking' : 'action',
    confidence: tcp ? 'likely' : 'possible',
    ...subjectTarget(subject),
    discriminator: `${first.type}:${first.ref.container.role}:${first.ref.container.name}`,
    message: tcp ? say.tcp(what, c, join(texts)) : say.valueFrom(what, c),
    remediation: [...(tcp ? MIGRATE_SOCKET : say.checkWhere), ...whereToChange(subject)],
    evidence: usages.map((u) => refEvidence(subject, u.ref)),
  });
}

function findingsOf(subject: PodSubject): Finding[] {
  const usages = dockerUsages(subject);
  if (usages.length === 0) return [];
  const what = refText(subject.ref);
  const findings: Finding[] = [];
  const endpoints = new Map<string, EndpointUsage[]>();
  for (const u of usages) {
    if (u.type !== 'hostPath') {
      const k = `${u.type}:${u.ref.container.role}:${u.ref.container.name}`;
      endpoints.set(k, [...(endpoints.get(k) ?? []), u]);
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
        remediation: [...hostPathRemediation(u), ...whereToChange(subject)],
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
