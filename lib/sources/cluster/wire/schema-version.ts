import type { ServerVersion } from '../../../model/snapshot';

/**
 * The Kubernetes version whose Pod types pod-schema.json holds (scripts/gen-pod-wire.mjs). A newer API server's pods
 * may carry fields these types do not know, which protobufjs would pass over without a word: those servers are read
 * as JSON, which keeps every field. Regenerating the schema from a newer k8s.io/api moves this line.
 */
export const POD_SCHEMA_VERSION = { major: 1, minor: 24 } as const;

/** True when pods of this API server can be read as protobuf: its version is known and not newer than the schema. */
export function protobufFits(version: ServerVersion | undefined): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version?.gitVersion ?? '');
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major === POD_SCHEMA_VERSION.major && minor <= POD_SCHEMA_VERSION.minor;
}
