import { makeFinding } from './shared/finding';
import { parseIp } from './shared/ip';
import { objectTarget, refOf, sortFindings } from './shared/object-refs';
import { targetAtLeast } from './shared/scope';
import type { Rule } from './types';

const ID = 'static-cluster-ip';
/** Every Service CIDR reserves at least its first 16 addresses for static ClusterIPs (up to 256 in large ranges). */
const STATIC_BAND = 16n;

export const rule: Rule = {
  id: ID,
  title: 'Services whose ClusterIP looks chosen by hand',
  changeIds: ['static-clusterip-range-alpha', 'static-clusterip-range-beta'],
  needs: ['services'],
  run(snapshot, ctx) {
    const api = snapshot.services.find((s) => s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes');
    const apiIp = api?.clusterIP ? parseIp(api.clusterIP) : undefined;
    // The kubernetes Service takes the first address of the range, so the range starts one below it.
    if (!api || !apiIp) return [];
    const base = apiIp.value - 1n;
    const at125 = targetAtLeast(ctx.target, '1.25');
    const findings = snapshot.services.flatMap((s) => {
      if (s === api || !s.clusterIP || s.clusterIP === 'None') return [];
      const ip = parseIp(s.clusterIP);
      if (!ip || ip.family !== apiIp.family) return [];
      const offset = ip.value - base;
      if (offset < 2n || offset >= STATIC_BAND) return [];
      const ref = refOf('v1', 'Service', s.metadata);
      return [
        makeFinding({
          ruleId: ID,
          changeId: at125 ? 'static-clusterip-range-beta' : 'static-clusterip-range-alpha',
          severity: 'info',
          confidence: 'possible',
          ...objectTarget(ref, s.metadata),
          message: `Service ${s.metadata.namespace ?? ''}/${s.metadata.name} has ClusterIP ${s.clusterIP}, among the first 16 addresses of the Service range (guessed from the kubernetes Service at ${api.clusterIP ?? ''}). Addresses there are almost always picked by hand, as for cluster DNS; the scan cannot tell for sure. With ServiceIPStaticSubrange ${at125 ? '(beta and on by default in 1.25)' : '(alpha and off by default in 1.24, on by default from 1.25)'} the API server hands out automatic ClusterIPs from the upper part of the range first, so this address is much less likely to be taken by another Service while this one is being recreated.`,
          remediation:
            'Nothing to change. Keep other fixed ClusterIPs in the same lower band (the first 16 addresses, more in large ranges) so they get the same protection; addresses elsewhere in the range stay valid but unprotected.',
          evidence: [
            {
              source: 'field',
              path: 'spec.clusterIP',
              value: s.clusterIP,
              detail: `address ${offset.toString()} of the guessed Service range`,
            },
            {
              source: 'field',
              path: 'default/kubernetes spec.clusterIP',
              value: api.clusterIP ?? '',
              detail: 'first address of the Service range',
            },
          ],
        }),
      ];
    });
    return sortFindings(findings);
  },
};
