import type { PodSecurityPolicy } from '../../model/snapshot';
import { projectMeta } from './meta';
import { bool, isRecord, num, opt, rec, recs, str, strs } from './read';
import type { Raw } from './read';

type IdRule = PodSecurityPolicy['runAsUser'];

function idRule(o: Raw | undefined): IdRule {
  return {
    rule: str(o, 'rule') ?? '',
    ranges: recs(o, 'ranges').flatMap((r) => {
      const min = num(r, 'min');
      const max = num(r, 'max');
      return min === undefined || max === undefined ? [] : [{ min, max }];
    }),
  };
}

/** Projects a raw policy/v1beta1 PodSecurityPolicy; undefined without a name or spec. */
export function projectPodSecurityPolicy(raw: unknown): PodSecurityPolicy | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  const spec = rec(raw, 'spec');
  if (!metadata || !spec) return undefined;
  const runAsGroup = rec(spec, 'runAsGroup');
  return {
    metadata,
    privileged: bool(spec, 'privileged') ?? false,
    defaultAddCapabilities: strs(spec, 'defaultAddCapabilities'),
    requiredDropCapabilities: strs(spec, 'requiredDropCapabilities'),
    allowedCapabilities: strs(spec, 'allowedCapabilities'),
    ...opt('defaultAllowPrivilegeEscalation', bool(spec, 'defaultAllowPrivilegeEscalation')),
    ...opt('allowPrivilegeEscalation', bool(spec, 'allowPrivilegeEscalation')),
    hostNetwork: bool(spec, 'hostNetwork') ?? false,
    hostPID: bool(spec, 'hostPID') ?? false,
    hostIPC: bool(spec, 'hostIPC') ?? false,
    readOnlyRootFilesystem: bool(spec, 'readOnlyRootFilesystem') ?? false,
    volumes: strs(spec, 'volumes'),
    allowedHostPaths: recs(spec, 'allowedHostPaths').flatMap((p) => {
      const pathPrefix = str(p, 'pathPrefix');
      return pathPrefix === undefined ? [] : [{ pathPrefix, ...opt('readOnly', bool(p, 'readOnly')) }];
    }),
    runAsUser: idRule(rec(spec, 'runAsUser')),
    ...opt('runAsGroup', runAsGroup ? idRule(runAsGroup) : undefined),
    supplementalGroups: idRule(rec(spec, 'supplementalGroups')),
    fsGroup: idRule(rec(spec, 'fsGroup')),
    seLinuxRule: str(rec(spec, 'seLinux'), 'rule') ?? '',
    allowedProcMountTypes: strs(spec, 'allowedProcMountTypes'),
  };
}
