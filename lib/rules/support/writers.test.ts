import { describe, expect, it } from 'vitest';
import { writerKind } from './writers';

describe('writerKind', () => {
  it('tells kubectl, Helm, Argo CD, Flux, operators and other clients apart', () => {
    const plain = {};
    expect(
      ['kubectl', 'kubectl-client-side-apply', 'kubectl-create', 'kubectl-edit'].map((m) => writerKind(m, plain)),
    ).toEqual(['kubectl', 'kubectl', 'kubectl', 'kubectl']);
    expect(writerKind('helm', plain)).toBe('helm');
    expect(writerKind('argocd-controller', plain)).toBe('argocd');
    expect(writerKind('kustomize-controller', plain)).toBe('flux');
    expect(writerKind('helm-controller', plain)).toBe('flux');
    expect(writerKind('manager', plain)).toBe('operator');
    expect(writerKind('prometheus-operator', plain)).toBe('operator');
    expect(writerKind('deploy-bot', plain)).toBe('client');
  });

  it('reads the object: kubectl driven by a GitOps agent, an owner that is a custom resource', () => {
    expect(writerKind('kubectl-client-side-apply', { gitOps: 'argocd' })).toBe('argocd');
    const owned = { controller: { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', name: 'k8s' } };
    expect(writerKind('deploy-bot', owned)).toBe('operator');
    const builtIn = { controller: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } };
    expect(writerKind('deploy-bot', builtIn)).toBe('client');
  });
});
