import { describe, expect, it } from 'vitest';
import type { KubeconfigFacts } from '../model/snapshot';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './kubeconfig-auth';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const run = (users: KubeconfigFacts['users']) =>
  rule.run(snapshot({ kubeconfig: { context: 'prod', users } }), ruleContext());

describe('kubeconfig-auth', () => {
  it('flags exec plugins pinned to client.authentication.k8s.io/v1alpha1 as breaking, with plugin advice', () => {
    const [f, ...rest] = run([
      {
        name: 'eks-admin',
        execApiVersion: 'client.authentication.k8s.io/v1alpha1',
        execCommand: '/usr/local/bin/aws-iam-authenticator',
      },
    ]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'exec-credential-v1alpha1-removal',
      severity: 'breaking',
      confidence: 'certain',
      object: { apiVersion: 'v1', kind: 'Config', name: 'eks-admin (kubeconfig user)' },
    });
    expect(f?.remediation).toContain('aws-iam-authenticator');
    expect(f?.evidence.map((e) => e.path)).toEqual([
      'users[eks-admin].user.exec.apiVersion',
      'users[eks-admin].user.exec.command',
    ]);
  });

  it('flags the gcp and azure auth providers as action, naming the exec plugin to move to', () => {
    const findings = run([
      { name: 'gke', authProvider: 'gcp' },
      { name: 'aks', authProvider: 'azure' },
    ]);
    expect(findings.map((f) => [f.object.name, f.changeId, f.severity])).toEqual([
      ['aks (kubeconfig user)', 'kubectl-gcp-azure-auth-removal', 'action'],
      ['gke (kubeconfig user)', 'kubectl-gcp-azure-auth-removal', 'action'],
    ]);
    expect(findings[0]?.remediation).toContain('kubelogin');
    expect(findings[1]?.remediation).toContain('gke-gcloud-auth-plugin');
  });

  it('does not flag v1beta1/v1 exec plugins, oidc, tokens or a scan without a kubeconfig', () => {
    expect(
      run([
        { name: 'a', execApiVersion: 'client.authentication.k8s.io/v1beta1', execCommand: 'aws' },
        { name: 'b', execApiVersion: 'client.authentication.k8s.io/v1', execCommand: 'kubelogin' },
        { name: 'c', authProvider: 'oidc' },
        { name: 'd' },
      ]),
    ).toEqual([]);
    expect(rule.run(snapshot(), ruleContext())).toEqual([]);
  });
});
