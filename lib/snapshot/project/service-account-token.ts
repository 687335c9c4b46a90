import type { ServiceAccountTokenSecret } from '../../model/snapshot';
import { projectMeta } from './meta';
import { isRecord, str } from './read';

export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';

/** True for a raw Secret of type kubernetes.io/service-account-token. */
export function isServiceAccountTokenSecret(raw: unknown): boolean {
  return isRecord(raw) && str(raw, 'type') === SERVICE_ACCOUNT_TOKEN_TYPE;
}

/**
 * Projects a legacy service-account token Secret to its metadata and service account. The token in `data` is
 * never read: only metadata is copied. Undefined for other Secret types or without a name.
 */
export function projectServiceAccountToken(raw: unknown): ServiceAccountTokenSecret | undefined {
  if (!isServiceAccountTokenSecret(raw)) return undefined;
  const metadata = projectMeta(raw);
  if (!metadata) return undefined;
  return { metadata, serviceAccountName: metadata.annotations[SA_NAME_ANNOTATION] ?? '' };
}
