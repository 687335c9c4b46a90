import { BlockList, isIP } from 'node:net';
import { AppError } from '../../errors';

/** Where an uploaded kubeconfig's API server may be (hosted mode). Loopback is allowed: tests and local use. */
export interface HostPolicy {
  /** RELEASE_LENS_ALLOWED_API_HOSTS: names, `*.suffix` wildcards, IPs or CIDRs; empty means any host. */
  allowedHosts: readonly string[];
  /** DANGEROUSLY_ALLOW_LINK_LOCAL_API_SERVERS. */
  allowLinkLocal: boolean;
}

// Cloud metadata services answer on these; a server-side fetch there can leak the host's cloud credentials.
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);

const blocked = new BlockList();
blocked.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 (AWS, GCP, Azure, OpenStack)
blocked.addSubnet('0.0.0.0', 8, 'ipv4'); // "this host": reaches the server itself under another name
blocked.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
blocked.addSubnet('fe80::', 10, 'ipv6'); // link-local
blocked.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6
blocked.addAddress('::', 'ipv6');
blocked.addSubnet('64:ff9b::a9fe:0', 112, 'ipv6'); // NAT64 form of 169.254.0.0/16

/** Lower-case, no trailing dot, no IPv6 brackets. */
export function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');
}

const family = (ip: string): 'ipv4' | 'ipv6' => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** Why an address or host name is off limits, or undefined when it is fine. */
export function forbiddenReason(hostOrIp: string): string | undefined {
  const host = normalizeHost(hostOrIp);
  if (isIP(host) === 0) return METADATA_HOSTS.has(host) ? 'a cloud metadata host name' : undefined;
  if (!blocked.check(host, family(host))) return undefined;
  return host === '::' || host.startsWith('0.') ? 'an unspecified address' : 'a link-local or cloud metadata address';
}

function allowListMatcher(entries: readonly string[]): (host: string, addresses: readonly string[]) => boolean {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const ips = new BlockList();
  for (const raw of entries) {
    const entry = normalizeHost(raw.trim());
    const [base = '', prefix] = entry.split('/');
    if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else if (isIP(base) && prefix !== undefined) ips.addSubnet(base, Number(prefix), family(base));
    else if (isIP(entry)) ips.addAddress(entry, family(entry));
    else if (entry) names.add(entry);
  }
  return (host, addresses) => {
    if (names.has(host) || suffixes.some((s) => host.endsWith(s))) return true;
    return addresses.length > 0 && addresses.every((a) => ips.check(normalizeHost(a), family(normalizeHost(a))));
  };
}

/** Throws when `host` itself (a name or an IP literal) is link-local, a metadata host or unspecified. */
export function assertHostNotForbidden(host: string, policy: HostPolicy, field: string): void {
  const name = normalizeHost(host);
  const reason = policy.allowLinkLocal ? undefined : forbiddenReason(name);
  if (reason) throw refused(`The API server host ${name} is ${reason}`, field);
}

/**
 * Throws unless the policy lets an uploaded kubeconfig reach `host`, which resolved to `addresses` (pass the host
 * itself when it is an IP literal). Checking the resolved addresses too defeats DNS names that point at metadata IPs.
 */
export function assertHostAllowed(host: string, addresses: readonly string[], policy: HostPolicy, field: string): void {
  const name = normalizeHost(host);
  assertHostNotForbidden(name, policy, field);
  if (!policy.allowLinkLocal) {
    for (const address of addresses) {
      const reason = forbiddenReason(address);
      if (reason) throw refused(`The API server host ${name} resolves to ${normalizeHost(address)}, ${reason}`, field);
    }
  }
  if (policy.allowedHosts.length > 0 && !allowListMatcher(policy.allowedHosts)(name, addresses)) {
    throw new AppError(
      'invalid-input',
      `The API server host ${name} is not in this server's allow-list (RELEASE_LENS_ALLOWED_API_HOSTS). ` +
        'Ask its operator to add it, or run Release Lens on your own machine.',
      field,
    );
  }
}

function refused(what: string, field: string): AppError {
  return new AppError(
    'invalid-input',
    `${what}, which an uploaded kubeconfig may not reach (the server would be making the request). ` +
      'Use the API server address itself. Operators of a single-user install can set DANGEROUSLY_ALLOW_LINK_LOCAL_API_SERVERS=true.',
    field,
  );
}
