import { describe, expect, it } from 'vitest';
import { reportSchema } from './schema';
import { makeTestReport } from './test-fixtures';
import { upgradeReportDocument } from './upgrade';

describe('upgradeReportDocument', () => {
  it('turns a schema version 1 report (plain strings) into a valid version 2 report', () => {
    const v2 = makeTestReport();
    const f = v2.findings[0];
    const v1 = {
      ...v2,
      schemaVersion: 1,
      cluster: { ...v2.cluster, providerEvidence: 'node a: aws' },
      findings: [
        {
          ...f,
          message: 'old message',
          remediation: 'old fix',
          evidence: [{ source: 'field', path: 'spec.x', value: 'y', detail: 'old detail' }],
        },
      ],
      coverage: [{ resource: 'pods', status: 'forbidden', count: 0, message: 'no' }],
      notes: [{ kind: 'k', message: 'note' }],
      changes: [{ changeId: 'c', status: 'not-checked', objects: 0, reason: 'why' }],
      rules: [{ ruleId: 'r', status: 'blind', findings: 0, missing: [], message: 'blind' }],
    };
    const upgraded = reportSchema.parse(upgradeReportDocument(v1));
    expect(upgraded.schemaVersion).toBe(2);
    expect(upgraded.findings[0]?.message).toEqual(['old message']);
    expect(upgraded.findings[0]?.evidence[0]).toEqual({
      source: 'field',
      path: ['spec.x'],
      value: ['y'],
      detail: ['old detail'],
    });
    expect(upgraded.coverage[0]?.message).toEqual(['no']);
    expect(upgraded.cluster.providerEvidence).toEqual(['node a: aws']);
  });

  it('leaves other documents to the validator', () => {
    expect(upgradeReportDocument('x')).toBe('x');
    const v2 = makeTestReport();
    expect(upgradeReportDocument(v2)).toBe(v2);
  });
});

describe('renamed change ids', () => {
  it('reads a renamed change id as its current one, in findings and change impacts', () => {
    const doc = {
      schemaVersion: 2,
      findings: [{ changeId: 'csi-migration-portworx-alpha', id: 'x' }],
      changes: [{ changeId: 'csi-migration-portworx-alpha' }, { changeId: 'dockershim-removal' }],
    };
    expect(upgradeReportDocument(doc)).toMatchObject({
      findings: [{ changeId: 'csi-migration-portworx-beta', id: 'x' }],
      changes: [{ changeId: 'csi-migration-portworx-beta' }, { changeId: 'dockershim-removal' }],
    });
  });
});

describe('add-on range basis', () => {
  it('reads a step saved as `reference: true` as basis reference, and validates', () => {
    const addon = {
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'kube-system', name: 'coredns' },
      addon: 'coredns',
      name: 'CoreDNS (CNCF)',
      version: '1.8.6',
      versionFrom: 'tag',
      releases: [
        { release: '1.24', range: '>=1.8.6', verdict: 'inside', reference: true },
        { release: '1.25', range: '>=1.9.3', verdict: 'older' },
      ],
    };
    const upgraded = upgradeReportDocument({ ...makeTestReport(), addons: [addon] });
    const parsed = reportSchema.parse(upgraded);
    expect(parsed.addons?.[0]?.releases).toEqual([
      { release: '1.24', range: '>=1.8.6', verdict: 'inside', basis: 'reference' },
      { release: '1.25', range: '>=1.9.3', verdict: 'older' },
    ]);
  });
});
