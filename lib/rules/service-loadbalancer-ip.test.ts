import { describe, expect, it } from 'vitest';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './service-loadbalancer-ip';
import { plainRule } from './testing/plain';
import { ctx, service } from './testing/objects';

const rule = plainRule(check);

describe('service-loadbalancer-ip', () => {
  const s = snapshot({
    services: [
      service('shop', 'ingress', { type: 'LoadBalancer', loadBalancerIP: '203.0.113.10' }),
      service('shop', 'odd', { type: 'ClusterIP', loadBalancerIP: '203.0.113.11' }),
      service('shop', 'plain', { type: 'LoadBalancer' }),
    ],
  });

  it('flags Services with spec.loadBalancerIP as info with provider-specific advice', () => {
    const findings = rule.run(s, ctx('1.24', { provider: 'eks' }));
    expect(findings.map((f) => [f.object.name, f.severity, f.changeId])).toEqual([
      ['ingress', 'info', 'service-loadbalancerip-deprecation'],
      ['odd', 'info', 'service-loadbalancerip-deprecation'],
    ]);
    expect(findings[0]?.remediation).toContain('aws-load-balancer-eip-allocations');
    expect(findings[1]?.message).toContain('no effect');
    expect(rule.run(s, ctx('1.24', { provider: 'aks' }))[0]?.remediation).toContain(
      'azure-load-balancer-ipv4: 203.0.113.10',
    );
    expect(rule.run(s, ctx('1.24', { provider: 'kubeadm' }))[0]?.remediation).toContain(
      'metallb.universe.tf/loadBalancerIPs',
    );
    expect(rule.run(s, ctx('1.24', { provider: 'gke' }))[0]?.remediation).toContain(
      'networking.gke.io/load-balancer-ip-addresses',
    );
  });

  it('does not flag Services without the field', () => {
    expect(rule.run(snapshot({ services: [service('a', 'b', { type: 'LoadBalancer' })] }), ctx())).toEqual([]);
  });
});
