import type { Service } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { ip as ipSlot, qualifiedName, setting } from './support/text';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { targetAtLeast } from './support/scope';
import type { Confidence, Finding } from '../model/finding';
import type { Rule } from './support/check';

const ID = 'static-cluster-ip';
/**
 * ServiceIPStaticSubrange reserves the lower part of the Service range for addresses chosen by hand: 16 addresses
 * for a /24 or smaller range, the range size / 16 in between, at most 256 (a /12 or larger).
 */
const MIN_BAND = 16n;
const MAX_BAND = 256n;

type Place = 'band' | 'above';

/** An IP address as a number, with its family; undefined for anything that is not a plain IPv4 or IPv6 address. */
export function parseIp(text: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { family: 4, value: parts.reduce((acc, p) => acc * 256n + BigInt(p), 0n) };
  }
  if (!text.includes(':') || text.includes('.')) return undefined;
  const [head = '', tail, extra] = text.split('::');
  if (extra !== undefined) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const missing = 8 - h.length - t.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
  const all = [...h, ...Array<string>(missing).fill('0'), ...t];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { family: 6, value: all.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n) };
}

/** What this check says. */
const say = {
  gate: (at125: boolean) =>
    at125 ? t`(beta and on by default in 1.25)` : t`(alpha and off by default in 1.24, on by default from 1.25)`,
  chose: (manager: Slot) => t`${manager} chose it`,
  guess: t`addresses there are almost always picked by hand, as for cluster DNS; the scan cannot tell for sure`,
  band: (service: Text, address: Slot, apiIp: Slot, who: Text, at125: boolean) =>
    t`Service ${service} has ClusterIP ${address}, among the first 16 addresses of the Service range (guessed from the kubernetes Service at ${apiIp}); ${who}. With ServiceIPStaticSubrange ${say.gate(at125)} the API server hands out automatic ClusterIPs from the upper part of the range first, so this address is much less likely to be taken by another Service while this one is being recreated.`,
  above: (service: Text, address: Slot, setBy: Text, apiIp: Slot, at125: boolean) =>
    t`Service ${service} has ClusterIP ${address}, set by ${setBy} rather than allocated, above the first 16 addresses of the Service range (guessed from the kubernetes Service at ${apiIp}). With ServiceIPStaticSubrange ${say.gate(at125)} automatic allocation takes addresses from the upper part of the range first, so a fixed address there gets no protection: if this Service is deleted and recreated, another Service can take the address in between.`,
  aClient: t`a client`,
  fix: {
    band: t`Nothing to change. Keep other fixed ClusterIPs in the same lower band (the first 16 addresses, more in large ranges) so they get the same protection; addresses elsewhere in the range stay valid but unprotected.`,
    above: t`Nothing breaks. If the address must stay fixed (clients or firewall rules use it), move it into the lower band of the Service range (the first 16 addresses of a /24, up to 256 in large ranges) the next time the Service is recreated; otherwise drop spec.clusterIP from its manifest and let the API server allocate one.`,
  } satisfies Record<Place, Text>,
  offset: (offset: bigint) => t`address ${Number(offset)} of the guessed Service range`,
  first: t`first address of the Service range`,
  manager: (manager: Slot) => t`metadata.managedFields[manager=${manager}]`,
  setByClient: t`a client set the address; allocated addresses have no field manager`,
};

function message(s: Service, place: Place, apiIp: string, at125: boolean): Text {
  const service = qualifiedName(refOf('v1', 'Service', s.metadata));
  const address = ipSlot(s.clusterIP ?? '');
  if (place === 'band') {
    const who = s.clusterIPSetBy ? say.chose(setting(s.clusterIPSetBy)) : say.guess;
    return say.band(service, address, ipSlot(apiIp), who, at125);
  }
  const setBy = s.clusterIPSetBy ? t`${setting(s.clusterIPSetBy)}` : say.aClient;
  return say.above(service, address, setBy, ipSlot(apiIp), at125);
}

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
  const evidence: EvidenceDraft[] = [
    { source: 'field', path: t`spec.clusterIP`, value: [ipSlot(s.clusterIP ?? '')], detail: say.offset(offset) },
    { source: 'field', path: t`default/kubernetes spec.clusterIP`, value: [ipSlot(apiIp)], detail: say.first },
  ];
  if (s.clusterIPSetBy) {
    evidence.push({
      source: 'managed-fields',
      path: say.manager(setting(s.clusterIPSetBy)),
      value: t`f:spec.f:clusterIP`,
      detail: say.setByClient,
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
      remediation: say.fix[place],
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
