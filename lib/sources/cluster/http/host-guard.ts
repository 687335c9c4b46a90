import 'server-only';
import { lookup as dnsLookup, promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../../errors';
import { assertHostAllowed, type HostPolicy } from '../../kubeconfig/host-policy';
import type { ServerAddress } from '../../kubeconfig/server-url';
import { TransportError } from './transport-error';

/** Resolves a host name to all of its addresses. Injected in tests. */
export type Resolver = (host: string) => Promise<string[]>;

/** The system resolver (getaddrinfo, like every other client on the machine), all addresses. */
export const systemResolver: Resolver = async (host) =>
  (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks an uploaded kubeconfig's API server against the host policy after resolving its name, so a DNS name that
 * points at a metadata or link-local address is refused before any request is sent.
 */
export async function assertServerAllowed(
  server: ServerAddress,
  policy: HostPolicy,
  field: string,
  resolver: Resolver = systemResolver,
): Promise<void> {
  if (isIP(server.host)) return assertHostAllowed(server.host, [server.host], policy, field);
  let addresses: string[];
  try {
    addresses = await resolver(server.host);
  } catch {
    throw new AppError(
      'unreachable',
      `Cannot reach the API server at ${server.display}: its name does not resolve.`,
      field,
    );
  }
  assertHostAllowed(server.host, addresses, policy, field);
}

/**
 * A `lookup` for the HTTP agent that applies the same policy at connect time. The name is resolved again for every
 * new connection, so a record that changes after the first check (DNS rebinding) is refused too.
 */
export function guardedLookup(policy: HostPolicy, field: string, base: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    base(hostname, { ...options, all: true }, (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      try {
        assertHostAllowed(
          hostname,
          addresses.map((a) => a.address),
          policy,
          field,
        );
      } catch (refusal) {
        const message = refusal instanceof Error ? refusal.message : 'refused by the host policy';
        return callback(new TransportError('refused-host', message, 'EREFUSEDHOST'), '', 0);
      }
      const first = addresses[0];
      if (options.all) return callback(null, addresses);
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
