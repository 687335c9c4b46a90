import { describe, expect, it } from 'vitest';
import { extractKubeconfigFacts } from './facts';
import { parseKubeconfig } from './parse';
import { kubeconfigYaml } from './test-kubeconfig';

describe('extractKubeconfigFacts', () => {
  it('lists the context user and every user with an exec plugin or auth provider, never credentials', () => {
    const text = kubeconfigYaml(
      {},
      { token: 'secret-1' },
      {
        users: [
          { name: 'u1', user: { token: 'secret-1' } },
          {
            name: 'eks',
            user: {
              exec: { apiVersion: 'client.authentication.k8s.io/v1alpha1', command: 'aws', args: ['eks', 'get-token'] },
            },
          },
          { name: 'gke', user: { 'auth-provider': { name: 'gcp', config: { 'access-token': 'secret-2' } } } },
          { name: 'plain', user: { token: 'secret-3' } },
        ],
      },
    );
    const facts = extractKubeconfigFacts(parseKubeconfig(text, { maxBytes: 1e6 }), 'ctx');
    expect(facts).toEqual({
      context: 'ctx',
      users: [
        { name: 'u1' },
        { name: 'eks', execApiVersion: 'client.authentication.k8s.io/v1alpha1', execCommand: 'aws' },
        { name: 'gke', authProvider: 'gcp' },
      ],
    });
    expect(JSON.stringify(facts)).not.toMatch(/secret/);
  });
});
