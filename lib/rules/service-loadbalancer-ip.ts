import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import type { ClusterProfile, Rule } from './support/check';
import { makeFinding } from './support/finding';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { api, ip as ipSlot, qualifiedName } from './support/text';

const ID = 'service-loadbalancer-ip';
const CHANGE = 'service-loadbalancerip-deprecation';

/** What this check says. */
const say = {
  pinned: (service: Text, address: Slot, inert: Text) =>
    t`Service ${service} pins its load balancer address with spec.loadBalancerIP: ${address}. The field is deprecated from 1.24: it still works where it worked before, but it cannot express dual-stack addresses and may be dropped in a future API version.${inert}`,
  inert: (type: Slot) => t` It is a ${type} Service, so the field has no effect at all and can simply be removed.`,
  remove: t`Remove spec.loadBalancerIP from the manifest or chart values.`,
  replace: (how: Text) =>
    t`${how} Change the manifest or chart values at the next planned touch; nothing is needed for the upgrade itself.`,
  onType: (type: Slot) => t`on a ${type} Service`,
  /** Where a fixed load balancer address goes instead of spec.loadBalancerIP, per provider. */
  replacement: (profile: ClusterProfile, address: Slot): Text => {
    switch (profile.provider) {
      case 'eks':
        return t`AWS load balancers do not take an address through this field. With the AWS Load Balancer Controller use service.beta.kubernetes.io/aws-load-balancer-eip-allocations (Elastic IP allocation IDs, internet-facing NLB) or service.beta.kubernetes.io/aws-load-balancer-private-ipv4-addresses: ${address} (internal NLB), one address per subnet.`;
      case 'aks':
        return t`On AKS, newer cloud-provider-azure releases read service.beta.kubernetes.io/azure-load-balancer-ipv4: ${address}; service.beta.kubernetes.io/azure-pip-name selects a public IP by name. Keep service.beta.kubernetes.io/azure-load-balancer-resource-group when the IP lives in another resource group.`;
      case 'gke':
        return t`GKE still honours spec.loadBalancerIP for a reserved address; recent GKE versions also accept the networking.gke.io/load-balancer-ip-addresses annotation (names of reserved addresses). Check the documentation of your GKE version before switching.`;
      default:
        return t`Use the annotation of your load balancer implementation, for example metallb.universe.tf/loadBalancerIPs: ${address} (MetalLB 0.13+), io.cilium/lb-ipam-ips (Cilium LB IPAM) or kube-vip.io/loadbalancerIPs (kube-vip).`;
    }
  },
};

export const rule: Rule = {
  id: ID,
  title: 'Services that set the deprecated spec.loadBalancerIP',
  changeIds: [CHANGE],
  needs: ['services'],
  run(snapshot, ctx) {
    const findings = snapshot.services.flatMap((s) => {
      if (!s.loadBalancerIP) return [];
      const address = ipSlot(s.loadBalancerIP);
      const ref = refOf('v1', 'Service', s.metadata);
      const inert = s.type !== 'LoadBalancer';
      return [
        makeFinding({
          ruleId: ID,
          changeId: CHANGE,
          severity: 'info',
          confidence: 'certain',
          ...objectTarget(ref, s.metadata),
          message: say.pinned(qualifiedName(ref), address, inert ? say.inert(api(s.type)) : []),
          remediation: inert ? say.remove : say.replace(say.replacement(ctx.profile, address)),
          evidence: [
            { source: 'field', path: t`spec.loadBalancerIP`, value: [address], detail: say.onType(api(s.type)) },
          ],
        }),
      ];
    });
    return sortFindings(findings);
  },
};
