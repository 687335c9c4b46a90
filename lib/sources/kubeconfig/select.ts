import { AppError } from '../../errors';
import type { Kubeconfig, KubeconfigCluster, KubeconfigContext, KubeconfigUser } from './model';

/** The cluster and user one context points at. */
export interface ResolvedContext {
  context: KubeconfigContext;
  cluster: KubeconfigCluster;
  /** Undefined when the context names no user (anonymous requests, as kubectl allows). */
  user?: KubeconfigUser;
}

const list = (names: string[]): string => (names.length ? names.map((n) => `"${n}"`).join(', ') : '(none)');

function pickContext(config: Kubeconfig, name: string | undefined): KubeconfigContext {
  const names = config.contexts.map((c) => c.name);
  if (config.contexts.length === 0) {
    throw new AppError(
      'invalid-input',
      'The kubeconfig has no contexts. Export one with `kubectl config view --minify --flatten --context NAME`.',
      'contexts',
    );
  }
  if (name !== undefined && name !== '') {
    const found = config.contexts.find((c) => c.name === name);
    if (!found)
      throw new AppError(
        'invalid-input',
        `Context "${name}" is not in the kubeconfig; it has ${list(names)}.`,
        'context',
      );
    return found;
  }
  if (config.currentContext === undefined) {
    const only = config.contexts.length === 1 ? config.contexts[0] : undefined;
    if (only) return only;
    throw new AppError(
      'invalid-input',
      `The kubeconfig has no current-context; choose one of ${list(names)}.`,
      'current-context',
    );
  }
  const current = config.contexts.find((c) => c.name === config.currentContext);
  if (!current) {
    throw new AppError(
      'invalid-input',
      `current-context "${config.currentContext}" is not among the contexts (${list(names)}); choose one of them.`,
      'current-context',
    );
  }
  return current;
}

/** Chooses a context by name, or the current one, and resolves its cluster and user; errors name the field at fault. */
export function selectContext(config: Kubeconfig, name?: string): ResolvedContext {
  const context = pickContext(config, name);
  const field = `contexts[${context.index}].context`;
  const cluster = config.clusters.find((c) => c.name === context.cluster);
  if (!cluster) {
    throw new AppError(
      'invalid-input',
      `Context "${context.name}" uses cluster "${context.cluster}", which is not in the clusters list.`,
      `${field}.cluster`,
    );
  }
  if (context.user === '') return { context, cluster };
  const user = config.users.find((u) => u.name === context.user);
  if (!user) {
    throw new AppError(
      'invalid-input',
      `Context "${context.name}" uses user "${context.user}", which is not in the users list.`,
      `${field}.user`,
    );
  }
  return { context, cluster, user };
}
