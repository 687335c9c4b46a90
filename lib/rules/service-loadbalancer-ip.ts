import { makeFinding } from './support/finding';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import type { ClusterProfile, Rule } from './support/check';

const ID = 'service-loadbalancer-ip';
const CHANGE = 'service-loadbalancerip-deprecation';

/** Where a fixed load balancer address goes instead of spec.loadBalancerIP, per provider. */
function replacement(profile: ClusterProfile, ip: string): string {
  switch (profile.provider) {
    case 'eks':
      return `AWS load balancers do not take an address through this field. With the AWS Load Balancer Controller use service.beta.kubernetes.io/aws-load-balancer-eip-allocations (Elastic IP allocation IDs, internet-facing NLB) or service.beta.kubernetes.io/aws-load-balancer-private-ipv4-addresses: ${ip} (internal NLB), one address per subnet.`;
    case 'aks':
      return `On AKS, newer cloud-provider-azure releases read service.beta.kubernetes.io/azure-load-balancer-ipv4: ${ip}; service.beta.kubernetes.io/azure-pip-name selects a public IP by name. Keep service.beta.kubernetes.io/azure-load-balancer-resource-group when the IP lives in another resource group.`;
    case 'gke':
      return `GKE still honours spec.loadBalancerIP for a reserved address; recent GKE versions also accept the networking.gke.io/load-balancer-ip-addresses annotation (names of reserved addresses). Check the documentation of your GKE version before switching.`;
    default:
      return `Use the annotation of your load balancer implementation, for example metallb.universe.tf/loadBalancerIPs: ${ip} (MetalLB 0.13+), io.cilium/lb-ipam-ips (Cilium LB IPAM) or kube-vip.io/loadbalancerIPs (kube-vip).`;
  }
}

export const rule: Rule = {
  id: ID,
  title: 'Services that set the deprecated spec.loadBalancerIP',
  changeIds: [CHANGE],
  needs: ['services'],
  run(snapshot, ctx) {
    const findings = snapshot.services.flatMap((s) => {
      const ip = s.loadBalancerIP;
      if (!ip) return [];
      const ref = refOf('v1', 'Service', s.metadata);
      const inert =
        s.type !== 'LoadBalancer'
          ? ` It is a ${s.type} Service, so the field has no effect at all and can simply be removed.`
          : '';
      return [
        makeFinding({
          ruleId: ID,
          changeId: CHANGE,
          severity: 'info',
          confidence: 'certain',
          ...objectTarget(ref, s.metadata),
          message: `Service ${s.metadata.namespace ?? ''}/${s.metadata.name} pins its load balancer address with spec.loadBalancerIP: ${ip}. The field is deprecated from 1.24: it still works where it worked before, but it cannot express dual-stack addresses and may be dropped in a future API version.${inert}`,
          remediation: inert
            ? 'Remove spec.loadBalancerIP from the manifest or chart values.'
            : `${replacement(ctx.profile, ip)} Change the manifest or chart values at the next planned touch; nothing is needed for the upgrade itself.`,
          evidence: [{ source: 'field', path: 'spec.loadBalancerIP', value: ip, detail: `on a ${s.type} Service` }],
        }),
      ];
    });
    return sortFindings(findings);
  },
};
