import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { assertFleetViewer, assertMaySave } from './credentials';

const ADMIN = 'admin-token-0123456789';
const UPLOAD = 'upload-token-0123456789';
const FLEET = 'fleet-token-0123456789';
const tokens = () => [
  { clusterId: 'prod-eu', token: 'agent-prod-eu-0123456789' },
  { clusterId: 'edge-7', token: 'agent-edge-7-0123456789' },
];

const request = (token?: string) =>
  new Request('http://127.0.0.1/api/reports', token ? { headers: { authorization: `Bearer ${token}` } } : {});

function kindOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.kind;
    throw error;
  }
}

describe('assertMaySave', () => {
  const open = parseEnv({ RELEASE_LENS_ADMIN_TOKEN: ADMIN });
  const closed = parseEnv({ RELEASE_LENS_ADMIN_TOKEN: ADMIN, RELEASE_LENS_UPLOAD_TOKENS: UPLOAD });

  it('files an agent upload under the cluster its token belongs to', () => {
    expect(assertMaySave(request('agent-edge-7-0123456789'), closed, tokens)).toEqual({ cluster: 'edge-7' });
    expect(assertMaySave(request('agent-prod-eu-0123456789'), open, tokens)).toEqual({ cluster: 'prod-eu' });
  });

  it('saves an ordinary report for an instance upload token, the administrator, or anyone on an open instance', () => {
    expect(assertMaySave(request(UPLOAD), closed, tokens)).toEqual({});
    expect(assertMaySave(request(ADMIN), closed, tokens)).toEqual({});
    expect(assertMaySave(request(), open, tokens)).toEqual({});
  });

  it('refuses a wrong token even where saving is open, and no token where it is not', () => {
    expect(kindOf(() => assertMaySave(request('agent-edge-7-012345678X'), open, tokens))).toBe('forbidden');
    expect(kindOf(() => assertMaySave(request('agent-edge-7-012345678X'), closed, tokens))).toBe('forbidden');
    expect(kindOf(() => assertMaySave(request(), closed, tokens))).toBe('unauthorized');
  });
});

describe('assertFleetViewer', () => {
  it('is off until the operator gives tokens', () => {
    expect(kindOf(() => assertFleetViewer(request(FLEET), parseEnv({})))).toBe('forbidden');
  });
  it('opens for a fleet token or the administrator only', () => {
    const e = parseEnv({ RELEASE_LENS_ADMIN_TOKEN: ADMIN, RELEASE_LENS_FLEET_TOKENS: FLEET });
    expect(kindOf(() => assertFleetViewer(request(FLEET), e))).toBeUndefined();
    expect(kindOf(() => assertFleetViewer(request(ADMIN), e))).toBeUndefined();
    expect(kindOf(() => assertFleetViewer(request(UPLOAD), e))).toBe('forbidden');
    expect(kindOf(() => assertFleetViewer(request('agent-edge-7-0123456789'), e))).toBe('forbidden');
    expect(kindOf(() => assertFleetViewer(request(), e))).toBe('unauthorized');
  });
});
