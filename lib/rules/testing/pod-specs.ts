import type { Container, PodSpec, SecurityContext } from '../../model/snapshot';
import { container, podSpec } from '../../snapshot/test-fixtures';

/** A container that meets restricted on its own. */
export const tight = (name = 'app', sc: SecurityContext = {}, extra: Partial<Container> = {}): Container =>
  container(name, {
    securityContext: { allowPrivilegeEscalation: false, capabilitiesDrop: ['ALL'], ...sc },
    ...extra,
  });

/** A pod spec that meets restricted: non-root, RuntimeDefault seccomp, tight containers. */
export const restrictedSpec = (extra: Partial<PodSpec> = {}): PodSpec =>
  podSpec({
    securityContext: { runAsNonRoot: true, seccompProfileType: 'RuntimeDefault' },
    containers: [tight()],
    ...extra,
  });
