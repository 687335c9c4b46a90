import type { KubeconfigFacts } from '../../model/snapshot';
import type { Kubeconfig, KubeconfigUser } from './model';

type UserFact = KubeconfigFacts['users'][number];

function userFact(user: KubeconfigUser): UserFact {
  return {
    name: user.name,
    ...(user.exec?.apiVersion ? { execApiVersion: user.exec.apiVersion } : {}),
    ...(user.exec ? { execCommand: user.exec.command } : {}),
    ...(user.authProvider ? { authProvider: user.authProvider.name } : {}),
  };
}

/**
 * What the checks need to know about a kubeconfig (exec plugin API versions, auth providers), never credentials:
 * the user of the chosen context, plus every other user that has an exec plugin or an auth provider.
 */
export function extractKubeconfigFacts(config: Kubeconfig, contextName?: string): KubeconfigFacts {
  const context = config.contexts.find((c) => c.name === contextName);
  const users = config.users
    .filter((u) => u.name === context?.user || u.exec !== undefined || u.authProvider !== undefined)
    .map(userFact);
  return { ...(context ? { context: context.name } : {}), users };
}
