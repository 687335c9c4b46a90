import type { Finding } from '../model/finding';
import type { Snapshot } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { list, t } from '../model/text';
import type { ClusterProfile, Rule } from './support/check';
import { containerLabel } from './support/containers';
import { makeFinding } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects, type PodSubject } from './support/subjects';
import { containerPath, helmRelease, image, ns, refText, value } from './support/text';

const CHANGE = 'registry-k8s-io';
const RULE_ID = 'registry-k8s-io';
const OLD = 'k8s.gcr.io/';
const NEW = 'registry.k8s.io/';

const isOld = (ref: string): boolean => ref.toLowerCase().startsWith(OLD);
const moved = (ref: string): string => `${NEW}${ref.slice(OLD.length)}`;

/** What this check says. */
const say = {
  pulls: (subject: Text, images: Text) =>
    t`${subject} pulls ${images} from k8s.gcr.io. The Kubernetes project moved its images to registry.k8s.io, and k8s.gcr.io has been frozen since April 2023: it gets no new images or tags, and the old name may stop serving altogether.`,
  change: (moves: Text, where: Text, allow: Text) => t`Change ${moves}${where}.${allow}`,
  move: (from: Slot, to: Slot) => t`${from} to ${to}`,
  inHelm: (namespace: Slot, release: Slot) =>
    t` in the values of Helm release ${namespace}/${release} (usually image.repository or image.registry)`,
  inStaticPod: t` in the static pod manifest on its node (kubeadm rewrites its own control-plane manifests from imageRepository on upgrade)`,
  inManifest: t` in the manifest, chart values or kustomization that defines it`,
  imageOf: (container: Text) => t`Image of ${container}.`,
  /** Where pulls from the new registry must be allowed, naming the policy engines found in the cluster. */
  allowLists: (profile: ClusterProfile): Text => {
    const engines = profile.policyEngines.map((e) =>
      e === 'kyverno' ? t`Kyverno policies` : t`Gatekeeper constraints`,
    );
    const where = list([
      ...engines,
      t`admission webhooks`,
      t`egress firewalls`,
      t`registry mirrors or pull-through caches`,
    ]);
    return t` Allow registry.k8s.io wherever k8s.gcr.io is allowed (${where}); air-gapped registries must mirror the images under the new name.`;
  },
  kubeadm: t`The kubeadm ClusterConfiguration sets imageRepository to k8s.gcr.io. kubeadm upgrade to 1.25 rewrites it to registry.k8s.io, so control-plane, kube-proxy and CoreDNS images come from the new registry after the upgrade.`,
  kubeadmFix: (allow: Text) =>
    t`Use registry.k8s.io (or leave imageRepository unset) in the kubeadm config files you keep.${allow}`,
  repository: t`Registry kubeadm pulls control-plane images from.`,
};

function whereToEdit(subject: PodSubject): Text {
  if (subject.helmRelease) return say.inHelm(ns(subject.helmRelease.namespace), helmRelease(subject.helmRelease.name));
  if (subject.mirror) return say.inStaticPod;
  return say.inManifest;
}

function findingOf(subject: PodSubject, profile: ClusterProfile): Finding | undefined {
  const olds = subject.containers.filter((c) => isOld(c.image));
  if (olds.length === 0) return undefined;
  const images = [...new Set(olds.map((c) => c.image))];
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: 'action',
    confidence: 'certain',
    ...subjectTarget(subject),
    message: say.pulls(refText(subject.ref), list(images.map(image), 3)),
    remediation: say.change(
      list(
        images.map((i) => say.move(image(i), image(moved(i)))),
        3,
      ),
      whereToEdit(subject),
      say.allowLists(profile),
    ),
    evidence: olds.map((c) => ({
      source: 'field' as const,
      path: t`${containerPath(subject, c)}.image`,
      value: [image(c.image)],
      detail: say.imageOf(containerLabel(c)),
    })),
  });
}

function kubeadmFinding(snapshot: Snapshot, profile: ClusterProfile): Finding | undefined {
  const repo = snapshot.kubeadm?.imageRepository;
  if (repo?.replace(/\/+$/, '').toLowerCase() !== 'k8s.gcr.io') return undefined;
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    object: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'kube-system', name: 'kubeadm-config' },
    message: say.kubeadm,
    remediation: say.kubeadmFix(say.allowLists(profile)),
    evidence: [
      {
        source: 'field',
        path: t`data.ClusterConfiguration.imageRepository`,
        value: [value(repo)],
        detail: say.repository,
      },
    ],
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Images still pulled from k8s.gcr.io',
  changeIds: [CHANGE],
  needs: [...POD_SUBJECT_NEEDS, 'kubeadmconfig'],
  run(snapshot, ctx) {
    const findings = podSubjects(snapshot).flatMap((s) => findingOf(s, ctx.profile) ?? []);
    const kubeadm = kubeadmFinding(snapshot, ctx.profile);
    return sortFindings(kubeadm ? [...findings, kubeadm] : findings);
  },
};
