/**
 * Builders of reports for tests and the store benchmark. Each takes only what a test cares about.
 */
import type { Catalog } from '../catalog/load';
import { makeChange } from '../catalog/test-fixtures';
import type { Finding } from '../model/finding';
import { REPORT_SCHEMA_VERSION, type Report } from '../model/report';

let counter = 0;

/** A valid finding; the id is unique unless given. */
export function makeTestFinding(overrides: Partial<Finding> = {}): Finding {
  counter += 1;
  return {
    id: `f${counter.toString(16).padStart(19, '0')}`,
    ruleId: 'docker-socket',
    changeId: 'dockershim-removal',
    severity: 'breaking',
    confidence: 'certain',
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payments', name: `api-${counter}` },
    message: ['Mounts the Docker socket from the node.'],
    remediation: ['Stop mounting /var/run/docker.sock; use the CRI socket or a build service.'],
    evidence: [
      {
        source: 'field',
        path: ['spec.template.spec.volumes[', { kind: 'name', value: 'docker' }, '].hostPath.path'],
        value: [{ kind: 'path', value: '/var/run/docker.sock' }],
        detail: ['hostPath volume pointing at the Docker socket'],
      },
    ],
    ...overrides,
  };
}

/** A valid report around the given findings; counts and change impacts are derived from them. */
export function makeTestReport(findings: Finding[] = [makeTestFinding()], overrides: Partial<Report> = {}): Report {
  const byChange = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byChange.get(f.changeId);
    if (list) list.push(f);
    else byChange.set(f.changeId, [f]);
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: '2025-11-20T10:00:00.000Z',
    tool: { name: 'release-lens', version: '0.1.0' },
    catalogVersion: 'abc123def456',
    target: '1.25',
    cluster: {
      source: { kind: 'kubeconfig', label: 'prod-eu', server: 'https://prod-eu.k8s.example.com:6443' },
      serverVersion: 'v1.23.17',
      releasesInScope: ['1.24', '1.25'],
      provider: 'kubeadm',
      policyEngines: [],
      nodes: 3,
      namespaces: 5,
      pods: 40,
      workloads: 12,
    },
    findings,
    changes: [...byChange].map(([changeId, list]) => ({
      changeId,
      status: 'affected' as const,
      objects: list.length,
      worstSeverity: list[0]?.severity ?? 'info',
    })),
    rules: [{ ruleId: 'docker-socket', status: 'ran', findings: findings.length, missing: [] }],
    coverage: [{ resource: 'pods', status: 'ok', apiVersion: 'v1', count: 40 }],
    notes: [],
    ...overrides,
  };
}

/** A report of `count` findings spread over a few changes, namespaces and owners, for volume tests. */
export function makeLargeReport(count: number): Report {
  const changes = ['dockershim-removal', 'psp-removal', 'seccomp-annotations-removal', 'grpc-probes-beta'] as const;
  const severities = ['breaking', 'breaking', 'action', 'info'] as const;
  const findings = Array.from({ length: count }, (_, i) =>
    makeTestFinding({
      changeId: changes[i % changes.length],
      severity: severities[i % severities.length],
      object: { apiVersion: 'v1', kind: 'Pod', namespace: `team-${i % 40}`, name: `worker-${i}-7f9c8d6b5-x2k4q` },
      owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: `team-${i % 40}`, name: `worker-${i % 500}` },
      helmRelease: { name: `release-${i % 60}`, namespace: `team-${i % 40}` },
    }),
  );
  return makeTestReport(findings);
}

/** A small catalog holding the changes the fixtures use. */
export function makeTestCatalog(): Catalog {
  return {
    version: 'abc123def456',
    releases: [],
    addons: [],
    removedApis: [],
    changes: [
      makeChange({
        id: 'dockershim-removal',
        title: 'Dockershim removed from the kubelet',
        kep: 2221,
        stage: 'removed',
        kind: 'removal',
        severity: 'breaking',
        action: { before: 'Move every node to containerd or CRI-O.', after: 'Check that pods start.' },
        links: [{ kind: 'kep', label: 'KEP-2221', url: 'https://github.com/kubernetes/enhancements/issues/2221' }],
        tags: ['docker'],
        detectedBy: ['docker-socket'],
        notObservable: undefined,
      }),
      makeChange({
        id: 'psp-removal',
        release: '1.25',
        title: 'PodSecurityPolicy removed',
        severity: 'breaking',
        kind: 'removal',
        stage: 'removed',
        detectedBy: ['psp-objects'],
        notObservable: undefined,
      }),
      makeChange({ id: 'seccomp-annotations-removal', release: '1.25', severity: 'action', title: 'Seccomp fields' }),
      makeChange({ id: 'grpc-probes-beta', title: 'gRPC probes beta' }),
    ],
  };
}
