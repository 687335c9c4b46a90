import { describe, expect, it } from 'vitest';
import { meta, node, snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './runtime-version';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const run = (nodes: ReturnType<typeof node>[], extra: Parameters<typeof ruleContext>[0] = {}) =>
  rule.run(snapshot({ nodes }), ruleContext(extra));

describe('runtime-version', () => {
  it('flags containerd older than 1.5.11 on a node that moves to 1.24, naming the minimum', () => {
    const [f, ...rest] = run([node('a', 'containerd://1.4.13', 'v1.23.9')]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ changeId: 'container-runtime-minimums', severity: 'breaking', confidence: 'likely' });
    expect(f?.message).toContain('containerd 1.6.4 or later (1.5.11 or later on the 1.5 line)');
    expect(f?.evidence[0]).toMatchObject({
      path: 'status.nodeInfo.containerRuntimeVersion',
      value: 'containerd://1.4.13',
    });
    expect(run([node('b', 'containerd://1.5.10', 'v1.23.9')])).toHaveLength(1);
  });

  it('flags containerd 1.6.0 to 1.6.3 with the CNI condition, as possible', () => {
    for (const version of ['1.6.0', '1.6.2', '1.6.3-k3s1']) {
      const [f] = run([node('a', `containerd://${version}`, 'v1.23.9')]);
      expect(f).toMatchObject({ severity: 'breaking', confidence: 'possible' });
      expect(f?.message).toContain('cniVersion');
      expect(f?.remediation).toContain('/etc/cni/net.d');
    }
  });

  it('does not flag containerd 1.5.11, 1.6.4 and newer', () => {
    const nodes = ['1.5.11', '1.6.4', '1.6.21', '1.7.2', '2.0.0'].map((v, i) =>
      node(`n${i}`, `containerd://${v}`, 'v1.23.9'),
    );
    expect(run(nodes)).toEqual([]);
  });

  it('checks old 1.5 releases only on nodes that still have to cross 1.24', () => {
    expect(run([node('a', 'containerd://1.5.8', 'v1.24.3')])).toEqual([]);
    expect(run([node('a', 'containerd://1.5.8', 'garbage')], { profile: { serverMinor: 24 } })).toEqual([]);
    expect(run([node('a', 'containerd://1.5.8', 'garbage')], { profile: { serverMinor: 23 } })).toHaveLength(1);
  });

  it('still flags 1.6.0 to 1.6.3 on a node already past 1.24, as action: its pods run today', () => {
    expect(run([node('a', 'containerd://1.6.2', 'v1.24.3')])[0]).toMatchObject({
      severity: 'action',
      confidence: 'possible',
    });
    const [crossing] = run([node('a', 'containerd://1.6.2', 'garbage')], { profile: { serverMinor: 23 } });
    expect(crossing?.severity).toBe('breaking');
  });

  it('flags CRI-O older than 1.24 as breaking and one minor behind the target as action', () => {
    const old = run([node('a', 'cri-o://1.23.2', 'v1.23.9')], { target: '1.24' });
    expect(old[0]).toMatchObject({ severity: 'breaking', confidence: 'likely' });
    expect(old[0]?.message).toContain('CRI-O 1.24');
    const behind = run([node('a', 'cri-o://1.24.1', 'v1.24.3')], { target: '1.25' });
    expect(behind[0]).toMatchObject({ severity: 'action', confidence: 'certain' });
    expect(behind[0]?.message).toContain('Minimum: CRI-O 1.25.');
    expect(run([node('a', 'cri-o://1.24.1', 'v1.24.3')], { target: '1.24' })).toEqual([]);
    expect(run([node('a', 'cri-o://1.25.0', 'v1.24.3')], { target: '1.25' })).toEqual([]);
  });

  it('leaves Docker nodes to the node-runtime check', () => {
    expect(run([node('a', 'docker://19.3.1', 'v1.21.1')])).toEqual([]);
  });

  it('tailors advice by provider, and lowers OpenShift CRI-O findings to info', () => {
    const n = node('a', 'containerd://1.6.2', 'v1.23.9', {
      metadata: meta('a', undefined, { labels: { 'kubernetes.azure.com/agentpool': 'np1' } }),
    });
    expect(run([n], { profile: { provider: 'aks' } })[0]?.remediation).toContain('--node-image-only --name np1');
    expect(run([n], { profile: { provider: 'eks' } })[0]?.remediation).toContain('EKS-optimized AMI');
    const os = run([node('o', 'cri-o://1.24.1-4.rhaos4.11', 'v1.24.0+9546431')], {
      profile: { provider: 'openshift' },
    });
    expect(os[0]?.severity).toBe('info');
    expect(os[0]?.remediation).toContain('OpenShift upgrades CRI-O');
  });
});
