import { env as readEnv, type Env } from '../../env';
import type { HostPolicy } from './host-policy';

/** What an uploaded (hosted-mode) kubeconfig may contain and reach. */
export interface UploadPolicy extends HostPolicy {
  /** RELEASE_LENS_MAX_KUBECONFIG_BYTES. */
  maxBytes: number;
}

/** The upload policy from the validated settings. */
export function uploadPolicyFromEnv(e: Env = readEnv()): UploadPolicy {
  return {
    maxBytes: e.RELEASE_LENS_MAX_KUBECONFIG_BYTES,
    allowedHosts: e.RELEASE_LENS_ALLOWED_API_HOSTS,
    allowLinkLocal: e.DANGEROUSLY_ALLOW_LINK_LOCAL_API_SERVERS,
  };
}
