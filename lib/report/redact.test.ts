import { describe, expect, it } from 'vitest';
import { renderText, slot, t, type Slot } from '../model/text';
import { newRedactionSalt, redactionSaltId, redactReport } from './redact';
import { reportSchema } from './schema';
import { makeTestFinding, makeTestReport } from './test-fixtures';

const ns = (v: string): Slot => slot('namespace', v);
const named = (v: string): Slot => slot('name', v);

const originals = {
  namespaces: ['payments-prod', 'shop|frontend', 'vault-only'],
  names: ['checkout-worker-5d8f7', 'ledger-db', 'sh.helm.release.v1.acme-shop.v7', 'checkout-worker', 'ledger'],
  nodes: ['ip-10-1-2-3.eu-west-1.compute.internal'],
  images: ['registry.acme.io/shop/checkout:2.4.1'],
  helm: ['acme-shop', 'acme-ledger'],
  source: ['arn:aws:eks:eu-west-1:123456789012:cluster/prod', 'https://10.20.30.40:6443'],
  values: ['acme-restricted-psp', 'tcp://docker.build.acme.internal:2375', 'User "deploy-bot" cannot list secrets'],
  users: ['alice@acme.io'],
};

function sensitiveReport() {
  return makeTestReport(
    [
      makeTestFinding({
        object: { apiVersion: 'v1', kind: 'Pod', namespace: 'payments-prod', name: 'checkout-worker-5d8f7' },
        owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payments-prod', name: 'checkout-worker' },
        helmRelease: { name: 'acme-shop', namespace: 'payments-prod' },
        message: t`Pod ${ns('payments-prod')}/${named('checkout-worker-5d8f7')} (release ${slot('helm-release', 'acme-shop')}) runs under ${slot('value', 'acme-restricted-psp')} on ${slot('node', 'ip-10-1-2-3.eu-west-1.compute.internal')}.`,
        remediation: t`Edit Deployment ${named('checkout-worker')}, then \`helm upgrade ${slot('helm-release', 'acme-shop')}\`.`,
        evidence: [
          {
            source: 'field',
            path: t`spec.containers[${named('checkout-worker')}].image`,
            value: [slot('image', 'registry.acme.io/shop/checkout:2.4.1')],
            detail: t`image of ${named('checkout-worker')}`,
          },
          {
            source: 'field',
            path: t`spec.containers[${named('app')}].env[DOCKER_HOST]`,
            value: [slot('value', 'tcp://docker.build.acme.internal:2375')],
            detail: t`points a Docker client at ${slot('path', '/var/run/docker.sock')}`,
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
        message: t`Release ${slot('helm-release', 'acme-ledger')} stores ${named('ledger-db')} in ${ns('shop|frontend')}.`,
      }),
      makeTestFinding({
        object: { apiVersion: 'v1', kind: 'Namespace', name: 'payments-prod' },
        message: t`Namespace ${ns('payments-prod')} has no enforce label (${slot('version', 'v1.25')}).`,
      }),
    ],
    {
      cluster: {
        ...makeTestReport().cluster,
        source: { kind: 'kubeconfig', label: originals.source[0] ?? '', server: originals.source[1] },
        providerEvidence: t`node ${slot('node', 'ip-10-1-2-3.eu-west-1.compute.internal')}: ${slot('value', 'aws:///i-0abc')}`,
      },
      coverage: [
        {
          resource: 'helmsecrets',
          status: 'forbidden',
          count: 0,
          message: t`${slot('value', 'User "deploy-bot" cannot list secrets')}`,
          namespaces: ['payments-prod', 'vault-only', 'kube-system'],
        },
      ],
      notes: [
        {
          kind: 'helm-duplicate',
          message: t`${slot('helm-release', 'acme-shop')} asked by ${slot('user', 'alice@acme.io')}`,
        },
      ],
      changes: [
        { changeId: 'psp-removal', status: 'not-checked', objects: 0, reason: t`${ns('payments-prod')} unreadable` },
      ],
    },
  );
}

describe('redactReport', () => {
  const report = sensitiveReport();
  const before = structuredClone(report);
  const redacted = redactReport(report, { salt: newRedactionSalt() });
  const json = JSON.stringify(redacted);

  it('leaves no original identity anywhere', () => {
    for (const s of Object.values(originals).flat()) expect(json, s).not.toContain(s);
  });

  it('is a valid report that says what was redacted', () => {
    expect(reportSchema.safeParse(redacted).success).toBe(true);
    expect(redacted.redaction?.fields.length).toBeGreaterThan(0);
    expect(redactionSaltId(redacted)).toMatch(/^[0-9a-f]{16}$/);
    expect(redactionSaltId(report)).toBeUndefined();
  });

  it('gives one identity one token wherever it appears: references, slots and coverage', () => {
    const [first, second, third] = redacted.findings;
    const token = first?.object.namespace ?? '';
    expect(token).toMatch(/^ns-[0-9a-f]{8}$/);
    expect(first?.owner?.namespace).toBe(token);
    expect(first?.helmRelease?.namespace).toBe(token);
    expect(renderText(first?.message ?? [])).toContain(`${token}/${first?.object.name ?? ''}`);
    // The Namespace object's name is the same identity as the namespace of the other objects.
    expect(third?.object.name).toBe(token);
    expect(renderText(third?.message ?? [])).toContain(token);
    expect(redacted.coverage[0]?.namespaces?.[0]).toBe(token);
    expect(renderText(redacted.changes[0]?.reason ?? [])).toBe(`${token} unreadable`);
    expect(first?.helmRelease?.name).toMatch(/^helm-[0-9a-f]{8}$/);
    expect(renderText(redacted.notes[0]?.message ?? [])).toContain(first?.helmRelease?.name ?? '?');
    expect(second?.object.name).toMatch(/^name-[0-9a-f]{8}$/);
    expect(redacted.cluster.source.label).toMatch(/^cluster-/);
    expect(redacted.cluster.source.server).toMatch(/^server-/);
  });

  it('maps identity slots by kind and keeps facts and literal text', () => {
    const [first] = redacted.findings;
    const image = first?.evidence[0]?.value?.[0];
    expect(image).toEqual({ kind: 'image', value: expect.stringMatching(/^image-[0-9a-f]{8}$/) });
    expect(first?.evidence[1]?.value?.[0]).toEqual({ kind: 'value', value: expect.stringMatching(/^value-/) });
    expect(first?.evidence[1]?.detail).toEqual([
      'points a Docker client at ',
      { kind: 'path', value: '/var/run/docker.sock' },
    ]);
    expect(renderText(first?.message ?? [])).toMatch(/ on node-[0-9a-f]{8}\.$/);
    expect(renderText(redacted.findings[2]?.message ?? [])).toContain('v1.25');
    expect(first?.object.kind).toBe('Pod');
    expect(redacted.findings[1]?.owner?.namespace).toBe('kube-system');
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

  it('scrubs literal text of known names when asked, for reports that arrive claiming to be redacted', () => {
    const lying = makeTestReport([
      makeTestFinding({
        object: { apiVersion: 'v1', kind: 'Pod', namespace: 'payments-prod', name: 'ledger-db' },
        message: ['Pod payments-prod/ledger-db is broken'],
      }),
    ]);
    const plain = redactReport(lying, { salt: 's' });
    expect(renderText(plain.findings[0]?.message ?? [])).toContain('ledger-db');
    const scrubbed = redactReport(lying, { salt: 's', scrubLiterals: true });
    expect(JSON.stringify(scrubbed)).not.toContain('ledger-db');
    expect(JSON.stringify(scrubbed)).not.toContain('payments-prod');
  });

  it('does not change the input', () => {
    expect(report).toEqual(before);
  });
});
