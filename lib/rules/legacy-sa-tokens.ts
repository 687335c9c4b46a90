import type { ServiceAccountTokenSecret } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { list, t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { named, ns, refText } from './support/text';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'legacy-sa-tokens';
const CHANGE = 'legacy-service-account-tokens';
const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const AUTO_NAME = /-token-[a-z0-9]{5}$/;

/** What this check says. */
const say = {
  tokenOf: (sa: Slot) => t`token Secret of ServiceAccount ${sa}`,
  lookalike: t`named like an auto-generated token Secret, but no such Secret exists`,
  mountsToken: (subject: Text, secret: Slot, sa: Slot) =>
    t`${subject} mounts the long-lived token Secret ${secret} of ServiceAccount ${sa} by name. It keeps working after the upgrade, but from 1.24 a new ServiceAccount gets no such Secret, so the same manifest fails (pods stuck in ContainerCreating: secret not found) on a new cluster, in a new namespace or for a renamed ServiceAccount.`,
  mountsMissing: (subject: Text, secret: Slot) =>
    t`${subject} mounts Secret ${secret}, named like an auto-generated ServiceAccount token, which does not exist. Its pods cannot start while it is missing, and from 1.24 nothing creates such Secrets automatically.`,
  replaceVolume: (volume: Slot) =>
    t`Replace volume ${volume} with a projected serviceAccountToken volume (short-lived, rotated by the kubelet), or rely on the automatically mounted token; if a non-expiring token is truly needed, create the Secret yourself (type kubernetes.io/service-account-token with the kubernetes.io/service-account.name annotation) and keep it in the same manifests.`,
  inventory: (namespace: Slot, count: number, names: Text, used: number) =>
    t`Namespace ${namespace} holds ${count} long-lived ServiceAccount token Secret(s) (${names}); ${used} of them are mounted by a workload. They keep working after the upgrade, but from 1.24 new ServiceAccounts get none, so automation that reads serviceaccount.secrets or waits for a token Secret breaks for every ServiceAccount created later.`,
  inventoryFix: t`Find what reads these Secrets (CI/CD, cluster registration, kubeconfig scripts) and switch it to short-lived tokens (TokenRequest API, kubectl create token), or create the token Secrets it needs explicitly. Delete token Secrets nothing uses: they are credentials that never expire.`,
  secret: (name: Slot) => t`Secret ${name}`,
  tokenMounted: t`token of this ServiceAccount, mounted by a workload`,
  token: t`token of this ServiceAccount`,
};

/** A Secret a subject mounts, with the volume and whether it came in through a projected volume. */
interface SecretMount {
  volume: string;
  secret: string;
  path: 'secret.secretName' | 'projected.sources[].secret.name';
}

/** Secret names a subject mounts, with the volume and whether it came in through a projected volume. */
function mountedSecrets(s: PodSubject): SecretMount[] {
  return s.spec.volumes.flatMap((v) => {
    if (v.source.type === 'secret') return [{ volume: v.name, secret: v.source.secretName, path: 'secret.secretName' }];
    if (v.source.type === 'projected') {
      return v.source.secretNames.map((secret): SecretMount => ({
        volume: v.name,
        secret,
        path: 'projected.sources[].secret.name',
      }));
    }
    return [];
  });
}

/** The token volume the ServiceAccount admission plugin injected into pods before 1.22: not written by anyone. */
function autoInjected(s: PodSubject, volume: string, token: ServiceAccountTokenSecret | undefined): boolean {
  if (s.from !== 'pod' || !token || token.serviceAccountName !== (s.spec.serviceAccountName ?? 'default')) return false;
  return s.spec.containers.some((c) => c.volumeMounts.some((m) => m.name === volume && m.mountPath === SA_MOUNT));
}

function mounts(s: PodSubject, tokens: Map<string, ServiceAccountTokenSecret>): Finding[] {
  const namespace = s.ref.namespace ?? '';
  return mountedSecrets(s).flatMap((m) => {
    const token = tokens.get(`${namespace}/${m.secret}`);
    if (autoInjected(s, m.volume, token)) return [];
    const looksLikeToken = !token && AUTO_NAME.test(m.secret);
    if (!token && !looksLikeToken) return [];
    const secret = named(m.secret);
    const evidence: EvidenceDraft[] = [
      {
        source: 'field',
        path: t`${s.specPath}.volumes[${named(m.volume)}].${m.path}`,
        value: [secret],
        detail: token ? say.tokenOf(named(token.serviceAccountName)) : say.lookalike,
      },
    ];
    return [
      makeFinding({
        ruleId: ID,
        changeId: CHANGE,
        severity: 'action',
        confidence: token ? 'certain' : 'possible',
        ...subjectTarget(s),
        discriminator: m.secret,
        message: token
          ? say.mountsToken(refText(s.ref), secret, named(token.serviceAccountName))
          : say.mountsMissing(refText(s.ref), secret),
        remediation: say.replaceVolume(named(m.volume)),
        evidence,
      }),
    ];
  });
}

function inventory(namespace: string, tokens: ServiceAccountTokenSecret[], mounted: Set<string>): Finding {
  const names = tokens.map((tk) => tk.metadata.name).sort();
  const used = names.filter((n) => mounted.has(`${namespace}/${n}`));
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    object: { apiVersion: 'v1', kind: 'Namespace', name: namespace },
    discriminator: 'inventory',
    message: say.inventory(ns(namespace), names.length, list(names.map(named), 4), used.length),
    remediation: say.inventoryFix,
    evidence: tokens
      .slice()
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .slice(0, 10)
      .map((tk) => ({
        source: 'field' as const,
        path: say.secret(named(tk.metadata.name)),
        value: [named(tk.serviceAccountName)],
        detail: mounted.has(`${namespace}/${tk.metadata.name}`) ? say.tokenMounted : say.token,
      })),
  });
}

export const rule: Rule = {
  id: ID,
  title: 'Long-lived ServiceAccount token Secrets and the workloads that mount them',
  changeIds: [CHANGE],
  needs: ['serviceaccounttokens', ...POD_SUBJECT_NEEDS],
  run(snapshot) {
    const tokens = new Map(
      snapshot.serviceAccountTokens.map((t) => [`${t.metadata.namespace ?? ''}/${t.metadata.name}`, t]),
    );
    const subjects = podSubjects(snapshot).filter((s) => !s.coveredByOwner);
    const findings = subjects.flatMap((s) => mounts(s, tokens));
    const mounted = new Set(
      subjects.flatMap((s) => mountedSecrets(s).map((m) => `${s.ref.namespace ?? ''}/${m.secret}`)),
    );
    const byNs = new Map<string, ServiceAccountTokenSecret[]>();
    for (const t of snapshot.serviceAccountTokens) {
      const namespace = t.metadata.namespace ?? '';
      const inNamespace = byNs.get(namespace) ?? [];
      inNamespace.push(t);
      byNs.set(namespace, inNamespace);
    }
    for (const [namespace, inNamespace] of byNs) findings.push(inventory(namespace, inNamespace, mounted));
    return sortFindings(findings);
  },
};
