import type { Severity } from '../model/catalog';
import { fixed, t, type Text } from '../model/text';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import { POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import {
  claimConsumers,
  describeUse,
  isBound,
  storageEvidence,
  storageTarget,
  storageUses,
  type StorageUse,
} from './support/storage-uses';
import type { Rule, RuleContext } from './support/check';

const ID = 'in-tree-volumes';

interface Plugin {
  field: string;
  provisioner: string;
  name: string;
  changeId: string;
  removed: boolean;
  fix: string;
}

const PLUGINS: readonly Plugin[] = [
  {
    field: 'glusterfs',
    provisioner: 'kubernetes.io/glusterfs',
    name: 'GlusterFS',
    changeId: 'glusterfs-deprecation',
    removed: false,
    fix: 'Plan the move to a CSI driver or other storage now: stop creating claims from kubernetes.io/glusterfs StorageClasses, and copy the data of existing volumes to new CSI-backed claims before any upgrade to 1.26.',
  },
  {
    field: 'storageos',
    provisioner: 'kubernetes.io/storageos',
    name: 'StorageOS',
    changeId: 'storageos-removal',
    removed: true,
    fix: 'Install the StorageOS (Ondat) CSI driver or pick other storage, copy the data into CSI-provisioned claims (a copy job, or a backup and restore), point the workloads at them, and delete the in-tree objects before any node or control plane runs 1.25.',
  },
  {
    field: 'flocker',
    provisioner: 'kubernetes.io/flocker',
    name: 'Flocker',
    changeId: 'flocker-removal',
    removed: true,
    fix: 'Flocker is no longer maintained and has no CSI driver: copy the data to other storage, change the workloads to use it, and delete the flocker objects before upgrading to 1.25.',
  },
  {
    field: 'quobyte',
    provisioner: 'kubernetes.io/quobyte',
    name: 'Quobyte',
    changeId: 'quobyte-removal',
    removed: true,
    fix: 'Install the Quobyte CSI driver, recreate the volumes as CSI PersistentVolumes (static provisioning can point at the same Quobyte volumes), move the workloads to them, and delete the in-tree objects before upgrading to 1.25.',
  },
];

/** Severity: removed plugins break bound volumes, inline volumes and the default class; unbound objects are cleanup. */
function grade(use: StorageUse, p: Plugin, ctx: RuleContext): Severity {
  if (!targetAtLeast(ctx.target, '1.25')) return 'info';
  const inUse =
    use.kind === 'inline' || (use.kind === 'pv' && isBound(use.pv)) || (use.kind === 'sc' && use.sc.isDefault);
  if (p.removed) return inUse ? 'breaking' : 'action';
  return inUse || use.kind === 'sc' ? 'action' : 'info';
}

/** What this check says. */
const say = {
  deprecated: (p: Plugin) =>
    t`The ${fixed(p.name)} in-tree plugin still works in 1.25 but is deprecated there and removed in 1.26, with no CSI migration.`,
  removed: (p: Plugin, what: Text) =>
    t`Kubernetes 1.25 removes the ${fixed(p.name)} in-tree plugin with no CSI migration: ${what}.`,
  classPending: t`new claims of this class stay Pending, because the provisioner no longer exists`,
  unboundCleanup: t`this volume can never be mounted again; as no claim uses it, it is cleanup rather than an outage`,
  podsStop: t`a 1.25 kubelet cannot mount it, so the pods that use it stop starting, and the data is reachable only after moving it to a CSI driver`,
  uses: (use: Text, p: Plugin, consequence: Text) =>
    t`${use} uses the in-tree ${fixed(p.name)} volume plugin. ${consequence}`,
};

function consequence(use: StorageUse, p: Plugin): Text {
  if (!p.removed) return say.deprecated(p);
  const what =
    use.kind === 'sc' ? say.classPending : use.kind === 'pv' && !isBound(use.pv) ? say.unboundCleanup : say.podsStop;
  return say.removed(p, what);
}

export const rule: Rule = {
  id: ID,
  title: 'In-tree GlusterFS, StorageOS, Flocker and Quobyte volumes',
  changeIds: ['glusterfs-deprecation', 'storageos-removal', 'flocker-removal', 'quobyte-removal'],
  needs: ['persistentvolumes', 'storageclasses', ...POD_SUBJECT_NEEDS],
  run(snapshot, ctx) {
    const consumers = claimConsumers(snapshot);
    const byField = new Map(PLUGINS.map((p) => [p.field, p]));
    const findings = storageUses(snapshot, PLUGINS).flatMap((use) => {
      const p = byField.get(use.plugin);
      if (!p) return [];
      return [
        makeFinding({
          ruleId: ID,
          changeId: p.changeId,
          severity: grade(use, p, ctx),
          confidence: 'certain',
          ...storageTarget(use),
          ...(use.kind === 'inline' ? { discriminator: use.volume } : {}),
          message: say.uses(describeUse(use, consumers), p, consequence(use, p)),
          remediation: fixed(p.fix),
          evidence: storageEvidence(use, consumers),
        }),
      ];
    });
    return sortFindings(findings);
  },
};
