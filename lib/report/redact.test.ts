import { describe, expect, it } from 'vitest';
import { newRedactionSalt, redactionSaltId, redactReport } from './redact';
import { READABLE_NAMESPACES } from './redact/readable';
import { reportSchema } from './schema';
import { makeTestFinding, makeTestReport } from './test-fixtures';

const originals = {
  namespaces: ['payments-prod', 'shop|frontend'],
  names: ['checkout-worker-5d8f7', 'ledger-db', 'sh.helm.release.v1.acme-shop.v7'],
  owners: ['checkout-worker', 'ledger'],
  images: ['registry.acme.io/shop/checkout:2.4.1'],
  helm: ['acme-shop', 'acme-ledger'],
  source: ['arn:aws:eks:eu-west-1:123456789012:cluster/prod', 'https://10.20.30.40:6443', '10.20.30.40'],
  identities: ['alice@acme.io', 'deploy-bot', '172.16.4.2'],
  coverageNamespaces: ['vault-only'],
  values: ['acme-restricted-psp', 'tcp://docker.build.acme.internal:2375'],
  references: ['ledger-token-x7k2p', 'ledger-data', 'node-config-v3'],
  providerEvidence: ['i-0abc123def'],
};

function sensitiveReport() {
  return makeTestReport(
    [
      makeTestFinding({
        object: { apiVersion: 'v1', kind: 'Pod', namespace: 'payments-prod', name: 'checkout-worker-5d8f7' },
        owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payments-prod', name: 'checkout-worker' },
        helmRelease: { name: 'acme-shop', namespace: 'payments-prod' },
        message: 'Pod checkout-worker-5d8f7 in payments-prod (release acme-shop) runs as acme-restricted-psp.',
        remediation: 'Edit Deployment checkout-worker, then `helm upgrade acme-shop`.',
        evidence: [
          {
            source: 'field',
            path: 'spec.containers[checkout-worker].image',
            value: 'registry.acme.io/shop/checkout:2.4.1',
            detail: 'image registry.acme.io/shop/checkout:2.4.1 of checkout-worker',
          },
          {
            source: 'annotation',
            path: 'metadata.annotations[kubernetes.io/psp]',
            value: 'acme-restricted-psp',
            detail: 'admitted under PSP acme-restricted-psp',
          },
        ],
      }),
      makeTestFinding({
        object: {
          apiVersion: 'v1',
          kind: 'Secret',
          namespace: 'shop|frontend',
          name: 'sh.helm.release.v1.acme-shop.v7',
        },
        helmRelease: { name: 'acme-ledger', namespace: 'shop|frontend' },
        owner: { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'kube-system', name: 'ledger' },
        message: 'Release acme-ledger stores ledger-db in shop|frontend.',
        evidence: [
          { source: 'helm-release', detail: 'manifest of ledger-db', value: 'ledger-db' },
          {
            source: 'field',
            path: 'spec.volumes[token].secret.secretName',
            value: 'ledger-token-x7k2p',
            detail: 'mounts ledger-token-x7k2p',
          },
          { source: 'field', path: 'spec.claimRef', value: 'payments-prod/ledger-data', detail: 'bound claim' },
          {
            source: 'field',
            path: 'spec.containers[app].env[DOCKER_HOST]',
            value: 'tcp://docker.build.acme.internal:2375',
            detail: 'DOCKER_HOST is tcp://docker.build.acme.internal:2375',
          },
        ],
      }),
      makeTestFinding({
        object: { apiVersion: 'v1', kind: 'Node', name: 'ledger-db' },
        evidence: [
          {
            source: 'field',
            path: 'spec.configSource.configMap',
            value: 'kube-system/node-config-v3#kubelet',
            detail: 'dynamic config',
          },
          { source: 'field', path: 'spec.configSource.configMap', value: '(set)', detail: 'placeholder' },
        ],
      }),
    ],
    {
      cluster: {
        ...makeTestReport().cluster,
        source: { kind: 'kubeconfig', label: originals.source[0] ?? '', server: originals.source[1] },
        providerEvidence: 'node providerID aws:///eu-west-1a/i-0abc123def',
      },
      coverage: [
        {
          resource: 'helmsecrets',
          status: 'forbidden',
          count: 0,
          message: 'secrets is forbidden: User "deploy-bot" cannot list resource "secrets" in payments-prod',
          namespaces: ['payments-prod', 'vault-only', 'kube-system'],
        },
        { resource: 'metrics', status: 'timeout', count: 0, message: 'dial tcp 172.16.4.2:443: i/o timeout' },
      ],
      notes: [
        { kind: 'helm-duplicate', message: 'acme-shop in payments-prod has two deployed revisions (alice@acme.io)' },
      ],
      changes: [{ changeId: 'psp-removal', status: 'not-checked', objects: 0, reason: 'payments-prod unreadable' }],
    },
  );
}

describe('redactReport', () => {
  const report = sensitiveReport();
  const before = structuredClone(report);
  const redacted = redactReport(report, { salt: newRedactionSalt() });
  const json = JSON.stringify(redacted);

  it('leaves no original name, image, release, source, identity or annotation value anywhere', () => {
    for (const s of Object.values(originals).flat()) expect(json, s).not.toContain(s);
  });

  it('is a valid report that says what was redacted', () => {
    expect(reportSchema.safeParse(redacted).success).toBe(true);
    expect(redacted.redaction?.fields).toContain('findings.object.name');
    expect(redactionSaltId(redacted)).toMatch(/^[0-9a-f]{16}$/);
    expect(redactionSaltId(report)).toBeUndefined();
  });

  it('uses one token per original string across fields and inside text', () => {
    const [first, second] = redacted.findings;
    const ns = first?.object.namespace ?? '';
    expect(ns).toMatch(/^ns-[0-9a-f]{8}$/);
    expect(first?.owner?.namespace).toBe(ns);
    expect(first?.helmRelease?.namespace).toBe(ns);
    expect(first?.helmRelease?.name).toMatch(/^helm-[0-9a-f]{8}$/);
    expect(first?.message).toContain(first?.object.name);
    expect(first?.message).toContain(ns);
    expect(first?.evidence[0]?.value).toMatch(/^image-[0-9a-f]{8}$/);
    expect(second?.object.name).toMatch(/^name-[0-9a-f]{8}$/);
    expect(redacted.cluster.source.label).toMatch(/^cluster-/);
    expect(redacted.cluster.source.server).toMatch(/^server-/);
  });

  it('tokenizes object references and drops env values in evidence', () => {
    const [, second, third] = redacted.findings;
    expect(second?.evidence[1]?.value).toBe(second?.evidence[1]?.detail.replace('mounts ', ''));
    expect(second?.evidence[2]?.value).toBe(
      `${redacted.findings[0]?.object.namespace}/${second?.evidence[2]?.value?.split('/')[1]}`,
    );
    expect(second?.evidence[3]).toEqual({
      source: 'field',
      path: 'spec.containers[app].env[DOCKER_HOST]',
      detail: 'DOCKER_HOST is [redacted]',
    });
    expect(third?.evidence[0]?.value).toMatch(/^kube-system\/name-[0-9a-f]{8}#kubelet$/);
    expect(third?.evidence[1]?.value).toBe('(set)');
  });

  it('drops annotation values and keeps Kubernetes vocabulary readable', () => {
    const [first, second] = redacted.findings;
    expect(first?.evidence[1]).toEqual({
      source: 'annotation',
      path: 'metadata.annotations[kubernetes.io/psp]',
      detail: 'admitted under PSP [redacted]',
    });
    expect(first?.object.kind).toBe('Pod');
    expect(first?.owner?.apiVersion).toBe('apps/v1');
    expect(first?.changeId).toBe('dockershim-removal');
    expect(second?.owner?.namespace).toBe('kube-system');
    expect(READABLE_NAMESPACES).toContain('kube-system');
    expect(redacted.cluster.providerEvidence).toBeUndefined();
    expect(redacted.coverage[0]?.namespaces).toEqual([
      redacted.findings[0]?.object.namespace,
      expect.stringMatching(/^ns-/),
      'kube-system',
    ]);
    expect(redacted.coverage[0]?.message).toMatch(/^secrets is forbidden: User "user-[0-9a-f]{8}" cannot list/);
  });

  it('gives stable tokens and finding ids under one salt, and different ones under another', () => {
    const salt = 'a fixed salt for comparable reports';
    const a = redactReport(report, { salt });
    const b = redactReport(report, { salt });
    const c = redactReport(report, { salt: 'another salt' });
    expect(a).toEqual(b);
    expect(a.findings.map((f) => f.id)).not.toEqual(c.findings.map((f) => f.id));
    expect(a.findings[0]?.id).toMatch(/^[0-9a-f]{20}$/);
    expect(a.findings[0]?.id).not.toBe(report.findings[0]?.id);
    expect(redactionSaltId(a)).toBe(redactionSaltId(b));
    expect(redactionSaltId(a)).not.toBe(redactionSaltId(c));
  });

  it('does not change the input', () => {
    expect(report).toEqual(before);
  });
});
