import { describe, expect, it } from 'vitest';
import { projectServiceAccountToken } from './service-account-token';

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  type: 'kubernetes.io/service-account-token',
  metadata: {
    name: 'deployer-token-abcde',
    namespace: 'payments',
    uid: 't',
    annotations: { 'kubernetes.io/service-account.name': 'deployer', 'kubernetes.io/service-account.uid': 'sa' },
  },
  data: { token: 'c2VjcmV0LXRva2Vu', 'ca.crt': 'Y2E=', namespace: 'cGF5bWVudHM=' },
};

describe('projectServiceAccountToken', () => {
  it('keeps metadata and the service account, never the data', () => {
    const t = projectServiceAccountToken(secret);
    expect(t).toEqual({
      metadata: {
        name: 'deployer-token-abcde',
        namespace: 'payments',
        uid: 't',
        labels: {},
        annotations: { 'kubernetes.io/service-account.name': 'deployer' },
        ownerReferences: [],
      },
      serviceAccountName: 'deployer',
    });
    expect(JSON.stringify(t)).not.toContain('c2VjcmV0');
  });

  it('ignores other Secret types and malformed input', () => {
    expect(projectServiceAccountToken({ ...secret, type: 'Opaque' })).toBeUndefined();
    expect(projectServiceAccountToken({ type: 'kubernetes.io/service-account-token' })).toBeUndefined();
    expect(projectServiceAccountToken('x')).toBeUndefined();
  });
});
