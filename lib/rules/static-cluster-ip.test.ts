import { describe, expect, it } from 'vitest';
import { snapshot } from '../snapshot/test-fixtures';
import { parseIp } from './static-cluster-ip';
import { ctx, service } from './testing/objects';
import { rule as check } from './static-cluster-ip';
import { plainRule } from './testing/plain';

const rule = plainRule(check);

describe('parseIp', () => {
  it.each([
    ['10.96.0.10', 4, 10n * 2n ** 24n + 96n * 2n ** 16n + 10n],
    ['fd00::a', 6, (0xfd00n << 112n) + 10n],
    ['::1', 6, 1n],
  ] as const)('parses %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });
  it.each(['None', '10.96.0.256', 'fd00::1::2', '1:2:3', ''])('rejects %s', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('static-cluster-ip', () => {
  const api = service('default', 'kubernetes', { clusterIP: '10.96.0.1' });

  it('reports ClusterIPs in the first 16 addresses of the range as possibly hand-picked', () => {
    const s = snapshot({
      services: [
        api,
        service('kube-system', 'kube-dns', { clusterIP: '10.96.0.10' }),
        service('shop', 'web', { clusterIP: '10.96.143.7' }),
        service('shop', 'headless', { clusterIP: 'None' }),
        service('shop', 'edge', { clusterIP: '10.96.0.16' }),
      ],
    });
    const findings = rule.run(s, ctx('1.25'));
    expect(findings.map((f) => [f.object.name, f.changeId, f.severity, f.confidence])).toEqual([
      ['kube-dns', 'static-clusterip-range-beta', 'info', 'possible'],
    ]);
    expect(findings[0]?.message).toContain('guessed from the kubernetes Service at 10.96.0.1');
  });

  it('uses the alpha change for a 1.24 target and supports IPv6', () => {
    const s = snapshot({
      services: [
        service('default', 'kubernetes', { clusterIP: 'fd00:10:96::1' }),
        service('kube-system', 'dns', { clusterIP: 'fd00:10:96::a' }),
      ],
    });
    expect(rule.run(s, ctx('1.24'))).toMatchObject([{ changeId: 'static-clusterip-range-alpha' }]);
  });

  it('points out an address a client set above the reserved band, where 1.25 gives it no protection', () => {
    const s = snapshot({
      services: [
        api,
        service('shop', 'db', { clusterIP: '10.96.0.50', clusterIPSetBy: 'kubectl-client-side-apply' }),
        service('shop', 'cache', { clusterIP: '10.96.4.20', clusterIPSetBy: 'argocd-controller' }),
        // Allocated by the API server: no field manager owns the address, in the band or above it.
        service('shop', 'web', { clusterIP: '10.96.0.51', clusterIPAllocated: true }),
        service('shop', 'api', { clusterIP: '10.96.0.7', clusterIPAllocated: true }),
      ],
    });
    const findings = rule.run(s, ctx('1.25'));
    expect(findings.map((f) => [f.object.name, f.severity, f.confidence])).toEqual([
      ['cache', 'info', 'likely'],
      ['db', 'info', 'possible'],
    ]);
    expect(findings[1]?.message).toContain('set by kubectl-client-side-apply');
    expect(findings[1]?.remediation).toContain('lower band');
    expect(findings[1]?.evidence.map((e) => e.source)).toContain('managed-fields');
  });

  it('is certain about an address in the band when a client is known to have set it', () => {
    const s = snapshot({
      services: [api, service('kube-system', 'dns', { clusterIP: '10.96.0.10', clusterIPSetBy: 'kubeadm' })],
    });
    expect(rule.run(s, ctx('1.25'))[0]).toMatchObject({ confidence: 'certain' });
  });

  it('says nothing when the range cannot be guessed', () => {
    expect(
      rule.run(snapshot({ services: [service('kube-system', 'dns', { clusterIP: '10.96.0.10' })] }), ctx()),
    ).toEqual([]);
  });
});
