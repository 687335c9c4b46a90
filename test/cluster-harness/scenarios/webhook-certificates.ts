import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Manifest, Scenario } from './types';

/**
 * A self-signed CA certificate made with Debian's openssl, signed with the given digest. Generated at seeding time
 * so no key material is committed.
 */
export function caCertificate(digest: 'sha1' | 'sha256', cn: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-ca-'));
  try {
    const cert = path.join(dir, 'ca.pem');
    const args = ['req', '-x509', '-newkey', 'rsa:2048', `-${digest}`, '-nodes', '-days', '30', '-subj', `/CN=${cn}`];
    execFileSync('openssl', [...args, '-keyout', path.join(dir, 'ca.key'), '-out', cert], { stdio: 'ignore' });
    return readFileSync(cert, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A webhook that kube-apiserver would call only for a group nothing uses, and that is ignored when it fails, so
 * the seeded cluster behaves as before; only its TLS trust matters here.
 */
function webhookConfiguration(
  kind: 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration',
  name: string,
  caPem: string,
): Manifest {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind,
    metadata: { name },
    webhooks: [
      {
        name: `${name}.release-lens.test`,
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        failurePolicy: 'Ignore',
        timeoutSeconds: 1,
        clientConfig: {
          service: { namespace: 'webhooks', name, port: 443 },
          caBundle: Buffer.from(caPem).toString('base64'),
        },
        rules: [
          {
            apiGroups: ['unused.release-lens.test'],
            apiVersions: ['v1'],
            operations: ['CREATE'],
            resources: ['nothings'],
          },
        ],
      },
    ],
  };
}

export const webhookCertificates: Scenario = {
  name: 'webhook-certificates',
  description:
    'Admission webhooks trusted through CA bundles: one validating and one mutating webhook whose CA signs with SHA-1 (which Go 1.18 in kube-apiserver 1.24 refuses), and one whose CA signs with SHA-256.',
  namespaces: [],
  objects: [
    {
      manifest: webhookConfiguration(
        'ValidatingWebhookConfiguration',
        'legacy-policy',
        caCertificate('sha1', 'legacy-policy-ca'),
      ),
    },
    {
      manifest: webhookConfiguration(
        'MutatingWebhookConfiguration',
        'legacy-injector',
        caCertificate('sha1', 'legacy-injector-ca'),
      ),
    },
    {
      manifest: webhookConfiguration(
        'ValidatingWebhookConfiguration',
        'modern-policy',
        caCertificate('sha256', 'modern-policy-ca'),
      ),
    },
  ],
  expect: [
    {
      kind: 'ValidatingWebhookConfiguration',
      name: 'legacy-policy',
      changeId: 'sha1-serving-certificates',
      severity: 'breaking',
      why: 'its caBundle holds a CA certificate signed with SHA-1',
    },
    {
      kind: 'MutatingWebhookConfiguration',
      name: 'legacy-injector',
      changeId: 'sha1-serving-certificates',
      severity: 'breaking',
      why: 'its caBundle holds a CA certificate signed with SHA-1',
    },
  ],
  clean: [{ kind: 'ValidatingWebhookConfiguration', name: 'modern-policy' }],
};
