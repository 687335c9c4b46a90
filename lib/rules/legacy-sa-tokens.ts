import type { ServiceAccountTokenSecret } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { listNames, POD_SUBJECT_NEEDS } from './support/scope';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import type { Evidence, Finding } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'legacy-sa-tokens';
const CHANGE = 'legacy-service-account-tokens';
const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const AUTO_NAME = /-token-[a-z0-9]{5}$/;

/** Secret names a subject mounts, with the volume and whether it came in through a projected volume. */
function mountedSecrets(s: PodSubject) {
  return s.spec.volumes.flatMap((v) => {
    if (v.source.type === 'secret') return [{ volume: v.name, secret: v.source.secretName, path: 'secret.secretName' }];
    if (v.source.type === 'projected') {
      return v.source.secretNames.map((secret) => ({
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
  const ns = s.ref.namespace ?? '';
  return mountedSecrets(s).flatMap((m) => {
    const token = tokens.get(`${ns}/${m.secret}`);
    if (autoInjected(s, m.volume, token)) return [];
    const looksLikeToken = !token && AUTO_NAME.test(m.secret);
    if (!token && !looksLikeToken) return [];
    const evidence: Evidence[] = [
      {
        source: 'field',
        path: `${s.specPath}.volumes[${m.volume}].${m.path}`,
        value: m.secret,
        detail: token
          ? `token Secret of ServiceAccount ${token.serviceAccountName}`
          : 'named like an auto-generated token Secret, but no such Secret exists',
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
          ? `${describeRef(s.ref)} mounts the long-lived token Secret ${m.secret} of ServiceAccount ${token.serviceAccountName} by name. It keeps working after the upgrade, but from 1.24 a new ServiceAccount gets no such Secret, so the same manifest fails (pods stuck in ContainerCreating: secret not found) on a new cluster, in a new namespace or for a renamed ServiceAccount.`
          : `${describeRef(s.ref)} mounts Secret ${m.secret}, named like an auto-generated ServiceAccount token, which does not exist. Its pods cannot start while it is missing, and from 1.24 nothing creates such Secrets automatically.`,
        remediation: `Replace volume ${m.volume} with a projected serviceAccountToken volume (short-lived, rotated by the kubelet), or rely on the automatically mounted token; if a non-expiring token is truly needed, create the Secret yourself (type kubernetes.io/service-account-token with the kubernetes.io/service-account.name annotation) and keep it in the same manifests.`,
        evidence,
      }),
    ];
  });
}

function inventory(ns: string, list: ServiceAccountTokenSecret[], mounted: Set<string>): Finding {
  const names = list.map((t) => t.metadata.name).sort();
  const used = names.filter((n) => mounted.has(`${ns}/${n}`));
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    object: { apiVersion: 'v1', kind: 'Namespace', name: ns },
    discriminator: 'inventory',
    message: `Namespace ${ns} holds ${names.length} long-lived ServiceAccount token Secret(s) (${listNames(names, 4)}); ${used.length} of them are mounted by a workload. They keep working after the upgrade, but from 1.24 new ServiceAccounts get none, so automation that reads serviceaccount.secrets or waits for a token Secret breaks for every ServiceAccount created later.`,
    remediation:
      'Find what reads these Secrets (CI/CD, cluster registration, kubeconfig scripts) and switch it to short-lived tokens (TokenRequest API, kubectl create token), or create the token Secrets it needs explicitly. Delete token Secrets nothing uses: they are credentials that never expire.',
    evidence: list
      .slice()
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .slice(0, 10)
      .map((t) => ({
        source: 'field' as const,
        path: `Secret ${t.metadata.name}`,
        value: t.serviceAccountName,
        detail: mounted.has(`${ns}/${t.metadata.name}`)
          ? 'token of this ServiceAccount, mounted by a workload'
          : 'token of this ServiceAccount',
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
      const ns = t.metadata.namespace ?? '';
      const list = byNs.get(ns) ?? [];
      list.push(t);
      byNs.set(ns, list);
    }
    for (const [ns, list] of byNs) findings.push(inventory(ns, list, mounted));
    return sortFindings(findings);
  },
};
