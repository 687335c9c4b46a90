import type { Severity } from '../model/catalog';
import type { Target } from '../model/releases';
import { fixed, t, type Text } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings } from './support/object-refs';
import { installAdvice, MIGRATION_PLUGINS } from './support/csi-migration-table';
import type { MigrationPlugin } from './support/csi-migration-table';
import { POD_SUBJECT_NEEDS } from './support/scope';
import {
  claimConsumers,
  describeUse,
  isBound,
  storageEvidence,
  storageTarget,
  storageUses,
  type StorageUse,
} from './support/storage-uses';
import type { Confidence, Finding } from '../model/finding';
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

/** What this check says. */
const say = {
  off: (p: MigrationPlugin, target: Target, installed: boolean) =>
    t`CSI migration for ${fixed(p.name)} is off by default in ${target}, so the in-tree plugin keeps serving it.${p.state['1.25'] !== 'off' ? ' It turns on by default in 1.25, so install the driver before that upgrade.' : ''}${installed ? t` The ${fixed(p.driver)} driver is already installed.` : ''}`,
  handled: (p: MigrationPlugin, target: Target, how: string) =>
    t`In ${target} CSI migration for ${fixed(p.name)} is ${fixed(how)}: the control plane and kubelets hand this volume's operations to the ${fixed(p.driver)} CSI driver, which is installed. Nothing to fix; new StorageClasses can name ${fixed(p.driver)} directly.`,
  fails: (p: MigrationPlugin, target: Target, how: string) =>
    t`In ${target} CSI migration for ${fixed(p.name)} is ${fixed(how)}: every provision, attach and mount of this volume goes to the ${fixed(p.driver)} CSI driver, and no CSIDriver object of that name exists, so these operations fail and its pods cannot start.`,
  uses: (use: Text, p: MigrationPlugin, explained: Text) =>
    t`${use} uses the in-tree ${fixed(p.name)} plugin (${fixed(p.field)}). ${explained}`,
  keepDriver: (p: MigrationPlugin) =>
    t`Keep the ${fixed(p.driver)} driver at a version supported by your Kubernetes release; over time move claims to StorageClasses with provisioner ${fixed(p.driver)}.`,
  driver: (p: MigrationPlugin) => t`CSIDriver ${fixed(p.driver)}`,
  registered: t`the CSI driver is registered`,
  missing: t`no CSIDriver object with this name`,
};

function explain(p: MigrationPlugin, installed: boolean, ctx: RuleContext): Text {
  const state = p.state[ctx.target];
  if (state === 'off') return say.off(p, ctx.target, installed);
  const how = state === 'locked' ? 'always on (locked)' : 'on by default';
  return installed ? say.handled(p, ctx.target, how) : say.fails(p, ctx.target, how);
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
    'csi-migration-portworx-beta',
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
      const driverEvidence: EvidenceDraft = {
        source: 'field',
        path: say.driver(p),
        value: installed ? t`present` : t`absent`,
        detail: installed ? say.registered : say.missing,
      };
      findings.push(
        makeFinding({
          ruleId: ID,
          changeId: p.changeId,
          ...grade(use, p, installed, ctx),
          ...storageTarget(use),
          ...(use.kind === 'inline' ? { discriminator: use.volume } : {}),
          message: say.uses(describeUse(use, consumers), p, explain(p, installed, ctx)),
          remediation: installed ? say.keepDriver(p) : installAdvice(p, ctx.profile, ctx.target),
          evidence: [...storageEvidence(use, consumers), driverEvidence],
        }),
      );
    }
    return sortFindings(findings);
  },
};
