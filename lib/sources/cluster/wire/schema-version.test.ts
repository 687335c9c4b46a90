import { describe, expect, it } from 'vitest';
import schema from './pod-schema.json';
import { POD_SCHEMA_VERSION, protobufFits } from './schema-version';

const server = (gitVersion: string) => ({ gitVersion, major: '1', minor: '' });

describe('which API servers have their pods read as protobuf', () => {
  it('follows the version the committed schema was generated from', () => {
    expect(schema.source).toContain(`k8s.io/api v0.${POD_SCHEMA_VERSION.minor}.`);
  });

  it('reads servers up to that version as protobuf, newer or unknown ones as JSON', () => {
    expect(protobufFits(server('v1.24.17'))).toBe(true);
    expect(protobufFits(server('v1.24.17-eks-1234'))).toBe(true);
    expect(protobufFits(server('v1.22.3+k3s1'))).toBe(true);
    expect(protobufFits(server('v1.25.0'))).toBe(false);
    expect(protobufFits(server('v1.31.2-gke.100'))).toBe(false);
    expect(protobufFits(server('v2.0.0'))).toBe(false);
    expect(protobufFits(server(''))).toBe(false);
    expect(protobufFits(undefined)).toBe(false);
  });
});
