import { describe, expect, it } from 'vitest';
import { node, snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './dynamic-kubelet-config';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const configSource = { configMap: { namespace: 'kube-system', name: 'kubelet-tuning', kubeletConfigKey: 'kubelet' } };

describe('dynamic-kubelet-config', () => {
  it('flags a node with configSource on a pre-1.24 kubelet as breaking', () => {
    const [f, ...rest] = rule.run(
      snapshot({ nodes: [node('n1', 'containerd://1.6.8', 'v1.23.9', { configSource })] }),
      ruleContext(),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'dynamic-kubelet-config-removal',
      severity: 'breaking',
      confidence: 'certain',
      object: { kind: 'Node', name: 'n1' },
    });
    expect(f?.message).toContain('ConfigMap kube-system/kubelet-tuning (key kubelet)');
    expect(f?.evidence[0]).toMatchObject({
      path: 'spec.configSource.configMap',
      value: 'kube-system/kubelet-tuning#kubelet',
    });
    expect(f?.remediation).toContain('/spec/configSource');
  });

  it('flags a leftover configSource on a 1.24 kubelet as action', () => {
    const [f] = rule.run(
      snapshot({ nodes: [node('n1', 'containerd://1.6.8', 'v1.24.3', { configSource })] }),
      ruleContext(),
    );
    expect(f?.severity).toBe('action');
    expect(f?.message).toContain('ignores it');
  });

  it('does not flag nodes without configSource', () => {
    expect(rule.run(snapshot({ nodes: [node('n1', 'containerd://1.6.8', 'v1.23.9')] }), ruleContext())).toEqual([]);
  });
});
