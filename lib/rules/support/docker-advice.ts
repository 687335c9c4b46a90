import { containerLabel } from './containers';
import { isUnder } from './docker-paths';
import type { DockerRef, HostPathUsage } from './docker-usage';
import { listNames } from './scope';
import type { PodSubject } from './subjects';

/** The advice for a workload that talks to Docker Engine through its socket. */
export const MIGRATE_SOCKET =
  'Remove the Docker dependency before the nodes leave Docker: image builds move to a daemonless builder ' +
  '(BuildKit rootless, Kaniko, Buildah) or a Docker-in-Docker sidecar that shares its socket through an emptyDir; ' +
  'agents that only inspect containers (monitoring, security, log metadata) move to a release that speaks CRI, with ' +
  '/run/containerd/containerd.sock (or /var/run/crio/crio.sock) mounted instead. Or keep Docker Engine on these ' +
  'nodes behind cri-dockerd.';
const MIGRATE_DOCKERSHIM =
  'Point the tool at the new runtime’s CRI socket (unix:///run/containerd/containerd.sock, ' +
  'unix:///var/run/crio/crio.sock, or unix:///run/cri-dockerd.sock with cri-dockerd) and mount that path instead.';
const MIGRATE_LOGS =
  'Mount /var/log/pods (and /var/log/containers, whose symlinks point into it) instead of /var/lib/docker and ' +
  'parse the CRI log format instead of Docker’s JSON lines (Fluent Bit: multiline.parser cri; Fluentd: a cri ' +
  'parser; Promtail: the cri stage). Current releases of most log agents’ charts already do this.';
const MIGRATE_CONFIG =
  'containerd ignores /etc/docker: write registry certificates and mirrors to ' +
  '/etc/containerd/certs.d/<registry>/hosts.toml (with config_path set in /etc/containerd/config.toml), or to ' +
  '/etc/containers/certs.d and registries.conf.d on CRI-O.';

function consequence(u: HostPathUsage): string {
  return u.volume.source.hostPathType === 'Socket'
    ? 'the pod fails to start there (the hostPath type check finds no socket)'
    : 'the socket is missing there (the kubelet puts an empty directory in its place) and every Docker call fails';
}

function socketRef(u: HostPathUsage): DockerRef | undefined {
  return u.refs.find((r) => r.kind === 'socket');
}

/** The message of a hostPath finding: what is mounted, by whom, and what happens without Docker. */
export function hostPathMessage(what: string, u: HostPathUsage): string {
  const path = u.volume.source.path;
  const vol = `volume "${u.volume.name}"`;
  if (u.unmounted) {
    return `${what} declares hostPath ${vol} at ${path} but no container mounts it. The kubelet skips unused volumes, so nothing breaks; it is probably left over from a Docker dependency.`;
  }
  const by = listNames(u.mounts.map((m) => containerLabel(m.container)));
  const ref = socketRef(u);
  if (u.pathKind === 'socket' && /dockershim/i.test(path)) {
    return `${what} mounts dockershim’s CRI socket ${path} (${vol}) into ${by}. That socket disappears with dockershim in 1.24, so CRI clients in the pod (crictl, monitoring or security agents) lose the runtime.`;
  }
  if (u.pathKind === 'socket') {
    return `${what} mounts the node’s Docker socket ${path} (${vol}) into ${by}. Nodes on containerd or CRI-O have no Docker Engine, so ${consequence(u)}.`;
  }
  if (ref) {
    const how = ref.source === 'env' ? `${ref.name ?? 'an env var'}=${ref.text}` : `its command line (${ref.text})`;
    return `${what} mounts the node’s ${path} (${vol}) into ${by}, and ${containerLabel(ref.container)} reaches the Docker socket through it: ${how} is ${ref.hostPath ?? path} on the node. On containerd or CRI-O nodes every Docker call fails.`;
  }
  switch (u.kind) {
    case 'docker-data':
      return isUnder(u.normalized, '/var/lib/docker')
        ? `${what} mounts Docker’s data directory ${path} (${vol}) into ${by}, typically to read container logs. On containerd or CRI-O nodes it is empty: logs live in /var/log/pods in the CRI format, so the agent stops collecting them or fails to parse them.`
        : `${what} mounts Docker Engine’s state directory ${path} (${vol}) into ${by}; it does not exist on containerd or CRI-O nodes.`;
    case 'docker-config':
      return `${what} mounts Docker’s configuration directory ${path} (${vol}) into ${by}, for example to install registry certificates or mirrors. Whatever it writes there has no effect on containerd or CRI-O nodes.`;
    case 'run-dir':
      return `${what} mounts the node’s ${path} (${vol}) into ${by}. On Docker nodes that directory holds docker.sock; agents often mount it for other sockets too (containerd, CRI-O, the kubelet), so check whether ${u.mounts.length === 1 ? 'it talks' : 'they talk'} to Docker through it: if so, that stops working on containerd nodes.`;
    default:
      return `${what} mounts the node’s ${path} (${vol}) into ${by}. It includes Docker’s socket and data on Docker nodes, but mounts this broad usually serve /proc, /sys or logs (node exporters, security agents); it matters only if the tool reads docker.sock or /var/lib/docker through it.`;
  }
}

/** What to do about a hostPath finding. */
export function hostPathRemediation(u: HostPathUsage): string {
  if (u.unmounted) return `Remove volume "${u.volume.name}" from the pod spec.`;
  if (u.pathKind === 'socket' && /dockershim/i.test(u.volume.source.path)) return MIGRATE_DOCKERSHIM;
  if (u.pathKind === 'socket' || socketRef(u)) return MIGRATE_SOCKET;
  switch (u.kind) {
    case 'docker-data':
      return isUnder(u.normalized, '/var/lib/docker') ? MIGRATE_LOGS : MIGRATE_SOCKET;
    case 'docker-config':
      return MIGRATE_CONFIG;
    case 'run-dir':
      return `If the pod uses docker.sock through this mount: ${MIGRATE_SOCKET} If not, mount only the socket it needs (for example /run/containerd/containerd.sock) instead of the whole directory, so the dependency is explicit.`;
    default:
      return 'Nothing to change unless the tool reads Docker paths through this mount; check its configuration for docker.sock or /var/lib/docker.';
  }
}

/** Where to make the change: the Helm chart, the static pod manifest, or the object itself. */
export function whereToChange(subject: PodSubject): string {
  if (subject.helmRelease) {
    return ` The object belongs to Helm release ${subject.helmRelease.namespace}/${subject.helmRelease.name}: change it through the chart’s values or a newer chart version.`;
  }
  if (subject.mirror) {
    const node = subject.spec.nodeName === undefined ? 'its node' : `node ${subject.spec.nodeName}`;
    return ` This is a static pod: edit its manifest in the kubelet’s static pod directory (usually /etc/kubernetes/manifests) on ${node}.`;
  }
  return '';
}
