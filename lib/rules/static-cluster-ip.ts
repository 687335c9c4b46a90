import type { Service } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { parseIp } from './support/ip';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { targetAtLeast } from './support/scope';
import type { Confidence, Evidence, Finding } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'static-cluster-ip';
/**
 * ServiceIPStaticSubrange reserves the lower part of the Service range for addresses chosen by hand: 16 addresses
 * for a /24 or smaller range, the range size / 16 in between, at most 256 (a /12 or larger).
 */
const MIN_BAND = 16n;
const MAX_BAND = 256n;

type Place = 'band' | 'above';

function gateText(at125: boolean): string {
  return at125 ? '(beta and on by default in 1.25)' : '(alpha and off by default in 1.24, on by default from 1.25)';
}

function message(s: Service, place: Place, apiIp: string, at125: boolean): string {
  const name = `Service ${s.metadata.namespace ?? ''}/${s.metadata.name}`;
  const ip = s.clusterIP ?? '';
  if (place === 'band') {
    const who = s.clusterIPSetBy
      ? `${s.clusterIPSetBy} chose it`
      : 'addresses there are almost always picked by hand, as for cluster DNS; the scan cannot tell for sure';
    return `${name} has ClusterIP ${ip}, among the first 16 addresses of the Service range (guessed from the kubernetes Service at ${apiIp}); ${who}. With ServiceIPStaticSubrange ${gateText(at125)} the API server hands out automatic ClusterIPs from the upper part of the range first, so this address is much less likely to be taken by another Service while this one is being recreated.`;
  }
  return `${name} has ClusterIP ${ip}, set by ${s.clusterIPSetBy ?? 'a client'} rather than allocated, above the first 16 addresses of the Service range (guessed from the kubernetes Service at ${apiIp}). With ServiceIPStaticSubrange ${gateText(at125)} automatic allocation takes addresses from the upper part of the range first, so a fixed address there gets no protection: if this Service is deleted and recreated, another Service can take the address in between.`;
}

const REMEDIATION: Record<Place, string> = {
  band: 'Nothing to change. Keep other fixed ClusterIPs in the same lower band (the first 16 addresses, more in large ranges) so they get the same protection; addresses elsewhere in the range stay valid but unprotected.',
  above:
    'Nothing breaks. If the address must stay fixed (clients or firewall rules use it), move it into the lower band of the Service range (the first 16 addresses of a /24, up to 256 in large ranges) the next time the Service is recreated; otherwise drop spec.clusterIP from its manifest and let the API server allocate one.',
};

/** The range the kubernetes Service reveals: its first address and IP family. */
interface ServiceRange {
  base: bigint;
  family: 4 | 6;
  apiIp: string;
}

function findingFor(s: Service, range: ServiceRange, at125: boolean): Finding[] {
  const ip = s.clusterIP ? parseIp(s.clusterIP) : undefined;
  if (!ip || ip.family !== range.family) return [];
  const { base, apiIp } = range;
  const offset = ip.value - base;
  if (offset < 2n || s.clusterIPAllocated) return [];
  const place: Place | undefined = offset < MIN_BAND ? 'band' : s.clusterIPSetBy ? 'above' : undefined;
  if (!place) return [];
  // Between 16 and 256 the address may still be inside the reserved band of a large range.
  const confidence: Confidence =
    place === 'band' ? (s.clusterIPSetBy ? 'certain' : 'possible') : offset >= MAX_BAND ? 'likely' : 'possible';
  const ref = refOf('v1', 'Service', s.metadata);
  const evidence: Evidence[] = [
    {
      source: 'field',
      path: 'spec.clusterIP',
      value: s.clusterIP ?? '',
      detail: `address ${offset} of the guessed Service range`,
    },
    {
      source: 'field',
      path: 'default/kubernetes spec.clusterIP',
      value: apiIp,
      detail: 'first address of the Service range',
    },
  ];
  if (s.clusterIPSetBy) {
    evidence.push({
      source: 'managed-fields',
      path: `metadata.managedFields[manager=${s.clusterIPSetBy}]`,
      value: 'f:spec.f:clusterIP',
      detail: 'a client set the address; allocated addresses have no field manager',
    });
  }
  return [
    makeFinding({
      ruleId: ID,
      changeId: at125 ? 'static-clusterip-range-beta' : 'static-clusterip-range-alpha',
      severity: 'info',
      confidence,
      ...objectTarget(ref, s.metadata),
      message: message(s, place, apiIp, at125),
      remediation: REMEDIATION[place],
      evidence,
    }),
  ];
}

export const rule: Rule = {
  id: ID,
  title: 'Services whose ClusterIP was chosen by hand',
  changeIds: ['static-clusterip-range-alpha', 'static-clusterip-range-beta'],
  needs: ['services'],
  run(snapshot, ctx) {
    const api = snapshot.services.find((s) => s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes');
    const apiIp = api?.clusterIP ? parseIp(api.clusterIP) : undefined;
    // The kubernetes Service takes the first address of the range, so the range starts one below it.
    if (!api?.clusterIP || !apiIp) return [];
    const range: ServiceRange = { base: apiIp.value - 1n, family: apiIp.family, apiIp: api.clusterIP };
    const at125 = targetAtLeast(ctx.target, '1.25');
    return sortFindings(snapshot.services.flatMap((s) => (s === api ? [] : findingFor(s, range, at125))));
  },
};
