import type { Snapshot } from '../model/snapshot';
import { containerLabel } from './support/containers';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { listNames, POD_SUBJECT_NEEDS } from './support/scope';
import { containerPath, containersToCheck, podSubjects, type PodSubject } from './support/subjects';
import type { ClusterProfile, Rule } from './support/check';
import type { Finding } from '../model/finding';

const CHANGE = 'registry-k8s-io';
const RULE_ID = 'registry-k8s-io';
const OLD = 'k8s.gcr.io/';
const NEW = 'registry.k8s.io/';

const isOld = (image: string): boolean => image.toLowerCase().startsWith(OLD);
const moved = (image: string): string => `${NEW}${image.slice(OLD.length)}`;

/** Where pulls from the new registry must be allowed, naming the policy engines found in the cluster. */
function allowLists(profile: ClusterProfile): string {
  const engines = profile.policyEngines.map((e) => (e === 'kyverno' ? 'Kyverno policies' : 'Gatekeeper constraints'));
  const where = listNames([
    ...engines,
    'admission webhooks',
    'egress firewalls',
    'registry mirrors or pull-through caches',
  ]);
  return ` Allow registry.k8s.io wherever k8s.gcr.io is allowed (${where}); air-gapped registries must mirror the images under the new name.`;
}

function whereToEdit(subject: PodSubject): string {
  if (subject.helmRelease)
    return ` in the values of Helm release ${subject.helmRelease.namespace}/${subject.helmRelease.name} (usually image.repository or image.registry)`;
  if (subject.mirror)
    return ' in the static pod manifest on its node (kubeadm rewrites its own control-plane manifests from imageRepository on upgrade)';
  return ' in the manifest, chart values or kustomization that defines it';
}

function findingOf(subject: PodSubject, profile: ClusterProfile): Finding | undefined {
  const olds = containersToCheck(subject).filter((c) => isOld(c.image));
  if (olds.length === 0) return undefined;
  const images = [...new Set(olds.map((c) => c.image))];
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE,
    severity: 'action',
    confidence: 'certain',
    ...subjectTarget(subject),
    message: `${describeRef(subject.ref)} pulls ${listNames(images)} from k8s.gcr.io. The Kubernetes project moved its images to registry.k8s.io, and k8s.gcr.io has been frozen since April 2023: it gets no new images or tags, and the old name may stop serving altogether.`,
    remediation: `Change ${listNames(images.map((i) => `${i} to ${moved(i)}`))}${whereToEdit(subject)}.${allowLists(profile)}`,
    evidence: olds.map((c) => ({
      source: 'field' as const,
      path: `${containerPath(subject, c)}.image`,
      value: c.image,
      detail: `Image of ${containerLabel(c)}.`,
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
    message:
      'The kubeadm ClusterConfiguration sets imageRepository to k8s.gcr.io. kubeadm upgrade to 1.25 rewrites it to registry.k8s.io, so control-plane, kube-proxy and CoreDNS images come from the new registry after the upgrade.',
    remediation: `Use registry.k8s.io (or leave imageRepository unset) in the kubeadm config files you keep.${allowLists(profile)}`,
    evidence: [
      {
        source: 'field',
        path: 'data.ClusterConfiguration.imageRepository',
        value: repo,
        detail: 'Registry kubeadm pulls control-plane images from.',
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
