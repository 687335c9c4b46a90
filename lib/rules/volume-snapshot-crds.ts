import type { Severity } from '../model/catalog';
import type { CustomResourceDefinition } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { api } from './support/text';
import { sortFindings } from './support/object-refs';
import type { Finding } from '../model/finding';
import type { Rule } from './support/check';

const CHANGE = 'volume-snapshot-v1beta1-removal';
const RULE_ID = 'volume-snapshot-crds';
const GROUP = 'snapshot.storage.k8s.io';
const CRDS = ['volumesnapshots', 'volumesnapshotcontents', 'volumesnapshotclasses'].map((r) => `${r}.${GROUP}`);

/** What this check says. */
const say = {
  migrateStored: t`Rewrite every object of this kind through v1 (for example kubectl get <resource> -A -o json | kubectl replace -f -, or kube-storage-version-migrator), then set status.storedVersions to ["v1"] (kubectl patch crd <name> --subresource=status --type=merge -p '{"status":{"storedVersions":["v1"]}}').`,
  upgrade: t`Upgrade the snapshot CRDs, the snapshot controller and the validation webhook together to external-snapshotter v6 or later (v6 stops serving v1beta1), and the csi-snapshotter sidecars of your CSI drivers to matching releases. Move backup tools and manifests to snapshot.storage.k8s.io/v1 first, and delete objects the v1 validation rejects.`,
  noV1: (crd: Slot) =>
    t`CRD ${crd} has no v1 version: it comes from an external-snapshotter release older than v4, and current snapshot controllers and csi-snapshotter sidecars only speak v1.`,
  thenMigrate: (when: 'Once v1 is installed, migrate' | 'Then migrate') =>
    t` ${when} the stored objects: ${say.migrateStored}`,
  servesBeta: (crd: Slot, storage: boolean) =>
    t`CRD ${crd} still serves snapshot.storage.k8s.io/v1beta1${storage ? ' and still stores objects as v1beta1' : ''}. Tools that use v1beta1 keep working today and break when the CRDs move to external-snapshotter v6, where v1beta1 is no longer served.`,
  storedBeta: (crd: Slot) =>
    t`CRD ${crd} no longer serves v1beta1, but status.storedVersions still lists it: objects written long ago may still be stored as v1beta1, and a later CRD release that drops v1beta1 from spec.versions cannot be applied until they are migrated.`,
  defines: t`Versions the CRD defines.`,
  stores: t`Versions objects may be stored in.`,
  none: t`(none)`,
};

interface Problem {
  severity: Severity;
  message: Text;
  remediation: Text;
}

function problemOf(crd: CustomResourceDefinition): Problem | undefined {
  const v1 = crd.versions.find((v) => v.name === 'v1');
  const beta = crd.versions.find((v) => v.name === 'v1beta1');
  const stored = crd.storedVersions.includes('v1beta1');
  if (!v1) {
    return {
      severity: 'breaking',
      message: say.noV1(api(crd.name)),
      remediation: [...say.upgrade, ...(stored ? say.thenMigrate('Once v1 is installed, migrate') : [])],
    };
  }
  if (beta?.served) {
    return {
      severity: 'action',
      message: say.servesBeta(api(crd.name), beta.storage),
      remediation: [...say.upgrade, ...(stored ? say.thenMigrate('Then migrate') : [])],
    };
  }
  if (stored) {
    return {
      severity: 'action',
      message: say.storedBeta(api(crd.name)),
      remediation: say.migrateStored,
    };
  }
  return undefined;
}

function evidenceOf(crd: CustomResourceDefinition): EvidenceDraft[] {
  const versions = crd.versions.map((v) => `${v.name}(served=${v.served},storage=${v.storage})`).join(' ');
  const stored = crd.storedVersions.join(', ');
  return [
    { source: 'field', path: t`spec.versions`, value: versions ? [api(versions)] : say.none, detail: say.defines },
    { source: 'field', path: t`status.storedVersions`, value: stored ? [api(stored)] : say.none, detail: say.stores },
  ];
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'VolumeSnapshot CRDs still on snapshot.storage.k8s.io/v1beta1',
  changeIds: [CHANGE],
  needs: ['customresourcedefinitions'],
  run(snapshot) {
    const findings: Finding[] = [];
    for (const crd of snapshot.customResourceDefinitions) {
      if (!CRDS.includes(crd.name)) continue;
      const p = problemOf(crd);
      if (!p) continue;
      findings.push(
        makeFinding({
          ruleId: RULE_ID,
          changeId: CHANGE,
          severity: p.severity,
          confidence: 'certain',
          object: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: crd.name },
          message: p.message,
          remediation: p.remediation,
          evidence: evidenceOf(crd),
        }),
      );
    }
    return sortFindings(findings);
  },
};
