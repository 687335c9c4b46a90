import { describe, expect, it } from 'vitest';
import { assertHostAllowed, forbiddenReason, type HostPolicy } from './host-policy';

const open: HostPolicy = { allowedHosts: [], allowLinkLocal: false };

describe('host policy', () => {
  it.each([
    '169.254.169.254',
    '169.254.170.2',
    'fe80::1',
    'FE80::abcd',
    'fd00:ec2::254',
    '::ffff:169.254.169.254',
    '100.100.100.200',
    'metadata.google.internal.',
    'Metadata',
  ])('refuses %s', (host) => expect(forbiddenReason(host)).toBeDefined());

  it.each(['127.0.0.1', '::1', 'localhost', '10.0.0.1', '192.168.1.10', 'fd00::1', 'api.example.com'])(
    'allows %s',
    (host) => expect(forbiddenReason(host)).toBeUndefined(),
  );

  it('refuses a name that resolves to a metadata address (DNS rebinding)', () => {
    expect(() => assertHostAllowed('evil.example.com', ['203.0.113.5', '169.254.169.254'], open, 'f')).toThrow(
      /resolves to 169\.254\.169\.254/,
    );
  });

  it('matches the allow-list by name, wildcard, IP or CIDR of every resolved address', () => {
    const p = { ...open, allowedHosts: ['api.example.com', '*.k8s.internal', '10.0.0.0/8', '2001:db8::/32'] };
    expect(() => assertHostAllowed('api.example.com', ['203.0.113.1'], p, 'f')).not.toThrow();
    expect(() => assertHostAllowed('prod.k8s.internal', ['203.0.113.1'], p, 'f')).not.toThrow();
    expect(() => assertHostAllowed('cluster.corp', ['10.1.1.1', '2001:db8::5'], p, 'f')).not.toThrow();
    expect(() => assertHostAllowed('cluster.corp', ['10.1.1.1', '203.0.113.1'], p, 'f')).toThrow(/allow-list/);
    expect(() => assertHostAllowed('other.example.com', ['203.0.113.1'], p, 'f')).toThrow(/allow-list/);
  });

  it('still refuses metadata addresses behind an allowed name', () => {
    const p = { ...open, allowedHosts: ['api.example.com'] };
    expect(() => assertHostAllowed('api.example.com', ['169.254.169.254'], p, 'f')).toThrow(/link-local/);
  });
});
