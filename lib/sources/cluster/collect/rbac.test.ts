import 'server-only';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { clusterRoleRules, renderRbacManifest } from './rbac';
import { RESOURCE_TABLE } from '../../../model/resources';

const MANIFEST = path.join(import.meta.dirname, '../../../../deploy/release-lens-clusterrole.yaml');

describe('RBAC manifest', () => {
  it('is the committed deploy/release-lens-clusterrole.yaml (regenerate with RELEASE_LENS_UPDATE_RBAC=1)', () => {
    const generated = renderRbacManifest();
    if (process.env.RELEASE_LENS_UPDATE_RBAC === '1') writeFileSync(MANIFEST, generated);
    expect(readFileSync(MANIFEST, 'utf8')).toBe(generated);
  });

  it('grants only get and list, and every resource the table reads', () => {
    const rules = clusterRoleRules();
    for (const rule of rules) expect(rule.verbs.every((v) => v === 'get' || v === 'list')).toBe(true);
    for (const spec of RESOURCE_TABLE) {
      const rule = rules.find(
        (r) => 'apiGroups' in r && r.apiGroups[0] === spec.group && r.resources.includes(spec.resource),
      );
      expect(rule, `${spec.group}/${spec.resource}`).toBeDefined();
      expect(rule?.verbs).toContain('list');
      for (const verb of spec.extraVerbs ?? []) expect(rule?.verbs).toContain(verb);
    }
  });

  it('is valid multi-document YAML with a ServiceAccount, ClusterRole and binding', () => {
    const kinds = parseAllDocuments(renderRbacManifest()).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds).toEqual(['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding']);
  });
});
