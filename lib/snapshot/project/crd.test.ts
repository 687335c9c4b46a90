import { describe, expect, it } from 'vitest';
import { projectCustomResourceDefinition } from './crd';
import { projectWebhookConfiguration } from './webhook';

describe('projectCustomResourceDefinition', () => {
  it('reads group, kind, versions and stored versions', () => {
    expect(
      projectCustomResourceDefinition({
        metadata: { name: 'certificates.cert-manager.io' },
        spec: {
          group: 'cert-manager.io',
          names: { kind: 'Certificate', plural: 'certificates' },
          versions: [
            { name: 'v1alpha2', served: true, storage: false, deprecated: true, schema: {} },
            { name: 'v1', served: true, storage: true },
          ],
        },
        status: { storedVersions: ['v1alpha2', 'v1'] },
      }),
    ).toEqual({
      name: 'certificates.cert-manager.io',
      group: 'cert-manager.io',
      kind: 'Certificate',
      versions: [
        { name: 'v1alpha2', served: true, storage: false, deprecated: true },
        { name: 'v1', served: true, storage: true },
      ],
      storedVersions: ['v1alpha2', 'v1'],
    });
  });

  it('reads the single version of an apiextensions v1beta1 CRD', () => {
    const crd = projectCustomResourceDefinition({
      metadata: { name: 'a.example.com' },
      spec: { group: 'example.com', version: 'v1beta1', names: { kind: 'A' } },
    });
    expect(crd?.versions).toEqual([{ name: 'v1beta1', served: true, storage: true }]);
  });

  it('skips malformed input', () => {
    expect(projectCustomResourceDefinition({ metadata: { name: 'x' } })).toBeUndefined();
  });
});

describe('projectWebhookConfiguration', () => {
  it('keeps the configuration and webhook names, kind from the item first', () => {
    expect(
      projectWebhookConfiguration(
        {
          kind: 'MutatingWebhookConfiguration',
          metadata: { name: 'istio' },
          webhooks: [{ name: 'sidecar.istio.io' }, {}],
        },
        'ValidatingWebhookConfiguration',
      ),
    ).toEqual({ kind: 'MutatingWebhookConfiguration', name: 'istio', webhookNames: ['sidecar.istio.io'] });
    expect(projectWebhookConfiguration({ metadata: { name: 'v' } }, 'ValidatingWebhookConfiguration')?.kind).toBe(
      'ValidatingWebhookConfiguration',
    );
    expect(projectWebhookConfiguration({}, 'ValidatingWebhookConfiguration')).toBeUndefined();
  });
});
