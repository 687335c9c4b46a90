import type { ClusterProfile, RuleContext } from '../support/check';
import type { Target } from '../../model/releases';
import { removedApisFixture } from './removed-apis';

/** A rule context for unit tests: kubeadm cluster on 1.23, targeting 1.25, with the fixture's removed APIs. */
export function ruleContext(extra: { target?: Target; profile?: Partial<ClusterProfile> } = {}): RuleContext {
  return {
    target: extra.target ?? '1.25',
    removedApis: removedApisFixture,
    profile: { provider: 'kubeadm', policyEngines: [], serverMinor: 23, ...extra.profile },
  };
}
