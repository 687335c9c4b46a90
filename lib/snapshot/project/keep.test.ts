import { describe, expect, it } from 'vitest';
import { keepAnnotation, keepDockerArg, keepEnv, keepLabel, MAX_KEPT_ARG_LENGTH } from './keep';

describe('allow-lists', () => {
  it('keeps the annotations checks read', () => {
    for (const key of [
      'kubernetes.io/psp',
      'seccomp.security.alpha.kubernetes.io/pod',
      'container.seccomp.security.alpha.kubernetes.io/app',
      'container.apparmor.security.beta.kubernetes.io/app',
      'kubernetes.io/config.mirror',
      'meta.helm.sh/release-name',
      'kubeadm.alpha.kubernetes.io/cri-socket',
      'pv.kubernetes.io/provisioned-by',
      'volume.kubernetes.io/storage-provisioner',
    ]) {
      expect(keepAnnotation(key)).toBe(true);
    }
    expect(keepAnnotation('kubectl.kubernetes.io/last-applied-configuration')).toBe(false);
    expect(keepAnnotation('deployment.kubernetes.io/revision')).toBe(false);
  });

  it('keeps the labels checks and grouping read', () => {
    expect(keepLabel('app.kubernetes.io/instance', 'web')).toBe(true);
    expect(keepLabel('pod-security.kubernetes.io/enforce', 'baseline')).toBe(true);
    expect(keepLabel('app', 'web')).toBe(false);
    // The add-on table's selectors are kept as pairs: the key alone keeps nothing.
    expect(keepLabel('app', 'cert-manager')).toBe(true);
    expect(keepLabel('k8s-app', 'calico-node')).toBe(true);
    expect(keepLabel('k8s-app', 'shop')).toBe(false);
    expect(keepLabel('constructor', 'x')).toBe(false);
    expect(keepLabel('__proto__', 'x')).toBe(false);
  });

  it('recognizes Docker hints in env and args', () => {
    expect(keepEnv('DOCKER_HOST', undefined)).toBe(true);
    expect(keepEnv('X', 'unix:///var/run/docker.sock')).toBe(true);
    expect(keepEnv('X', 'tcp://docker:2376')).toBe(true);
    expect(keepEnv('X', 'unix:///run/cri-dockerd.sock')).toBe(false);
    expect(keepEnv('X', 'tcp://db:5432')).toBe(false);
    expect(keepDockerArg('--host=tcp://127.0.0.1:2375')).toBe('--host=tcp://127.0.0.1:2375');
    expect(keepDockerArg('--port=8080')).toBeUndefined();
  });

  it('cuts long script arguments around the match', () => {
    const script = `${'x'.repeat(2000)} docker -H unix:///var/run/docker.sock ps ${'y'.repeat(2000)}`;
    const kept = keepDockerArg(script) ?? '';
    expect(kept).toContain('docker.sock');
    expect(kept.length).toBeLessThanOrEqual(MAX_KEPT_ARG_LENGTH + 2);
  });
});
