import type { Severity } from '../model/catalog';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import { installAdvice, MIGRATION_PLUGINS } from './support/csi-migration-table';
import type { MigrationPlugin } from './support/csi-migration-table';
import { POD_SUBJECT_NEEDS } from './support/scope';
import type { StorageUse } from './support/storage-uses';
import {
  claimConsumers,
  describeUse,
  isBound,
  storageUses,
  storageEvidence,
  storageTarget,
} from './support/storage-uses';
import type { Confidence, Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'csi-migration';

/** Volumes that pods actually depend on: bound PVs, inline volumes, and the default StorageClass. */
const inUse = (use: StorageUse) =>
  use.kind === 'inline' || (use.kind === 'pv' && isBound(use.pv)) || (use.kind === 'sc' && use.sc.isDefault);

function grade(
  use: StorageUse,
  p: MigrationPlugin,
  installed: boolean,
  ctx: RuleContext,
): { severity: Severity; confidence: Confidence } {
  const state = p.state[ctx.target];
  if (state === 'off' || installed) return { severity: 'info', confidence: 'certain' };
  // A default-on gate can still be switched off; a locked one cannot.
  return { severity: inUse(use) ? 'breaking' : 'action', confidence: state === 'locked' ? 'certain' : 'likely' };
}

function explain(p: MigrationPlugin, installed: boolean, ctx: RuleContext): string {
  const state = p.state[ctx.target];
  if (state === 'off') {
    const later =
      p.state['1.25'] !== 'off' ? ' It turns on by default in 1.25, so install the driver before that upgrade.' : '';
    return `CSI migration for ${p.name} is off by default in ${ctx.target}, so the in-tree plugin keeps serving it.${later}${installed ? ` The ${p.driver} driver is already installed.` : ''}`;
  }
  const how = state === 'locked' ? 'always on (locked)' : 'on by default';
  if (installed) {
    return `In ${ctx.target} CSI migration for ${p.name} is ${how}: the control plane and kubelets hand this volume's operations to the ${p.driver} CSI driver, which is installed. Nothing to fix; new StorageClasses can name ${p.driver} directly.`;
  }
  return `In ${ctx.target} CSI migration for ${p.name} is ${how}: every provision, attach and mount of this volume goes to the ${p.driver} CSI driver, and no CSIDriver object of that name exists, so these operations fail and its pods cannot start.`;
}

export const rule: Rule = {
  id: ID,
  title: 'In-tree volumes served through CSI migration, and whether the CSI driver is installed',
  changeIds: [
    'csi-migration-azuredisk-ga',
    'csi-migration-cinder-ga',
    'csi-migration-aws-ebs-ga',
    'csi-migration-gce-pd-ga',
    'csi-migration-azurefile-beta',
    'csi-migration-vsphere-beta',
    'csi-migration-portworx-alpha',
  ],
  needs: ['persistentvolumes', 'storageclasses', 'csidrivers', ...POD_SUBJECT_NEEDS],
  run(snapshot, ctx) {
    const consumers = claimConsumers(snapshot);
    const drivers = new Set(snapshot.csiDrivers);
    const byField = new Map(MIGRATION_PLUGINS.map((p) => [p.field, p]));
    const findings: Finding[] = [];
    for (const use of storageUses(snapshot, MIGRATION_PLUGINS)) {
      const p = byField.get(use.plugin);
      if (!p) continue;
      const installed = drivers.has(p.driver);
      const driverEvidence: Evidence = {
        source: 'field',
        path: `CSIDriver ${p.driver}`,
        value: installed ? 'present' : 'absent',
        detail: installed ? 'the CSI driver is registered' : 'no CSIDriver object with this name',
      };
      findings.push(
        makeFinding({
          ruleId: ID,
          changeId: p.changeId,
          ...grade(use, p, installed, ctx),
          ...storageTarget(use),
          ...(use.kind === 'inline' ? { discriminator: use.volume } : {}),
          message: `${describeUse(use, consumers)} uses the in-tree ${p.name} plugin (${p.field}). ${explain(p, installed, ctx)}`,
          remediation: installed
            ? `Keep the ${p.driver} driver at a version supported by your Kubernetes release; over time move claims to StorageClasses with provisioner ${p.driver}.`
            : installAdvice(p, ctx.profile, ctx.target),
          evidence: [...storageEvidence(use, consumers), driverEvidence],
        }),
      );
    }
    return sortFindings(findings);
  },
};
