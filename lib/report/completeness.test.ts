import { describe, expect, it } from 'vitest';
import type { CoverageEntry } from '../model/snapshot';
import { completenessOf } from './completeness';
import { makeTestReport } from './test-fixtures';

const ok = (resource: CoverageEntry['resource']): CoverageEntry => ({ resource, status: 'ok', count: 1 });
const forbidden = (resource: CoverageEntry['resource']): CoverageEntry => ({ resource, status: 'forbidden', count: 0 });

describe('completenessOf', () => {
  it('is complete when everything served was read and every check ran', () => {
    const c = completenessOf(
      makeTestReport([], {
        coverage: [ok('nodes'), ok('pods'), { resource: 'podsecuritypolicies', status: 'not-served', count: 0 }],
      }),
    );
    expect(c.status).toBe('complete');
    expect(c.headline).toBe('Complete: all 2 resource types read, all 1 check ran.');
  });

  it('counts unreadable and namespace-limited resources and the checks they blinded', () => {
    const c = completenessOf(
      makeTestReport([], {
        coverage: [ok('nodes'), { ...ok('pods'), namespaces: ['team-a'] }, forbidden('services'), forbidden('metrics')],
        rules: [
          { ruleId: 'a', status: 'ran', findings: 0, missing: [] },
          { ruleId: 'b', status: 'blind', findings: 0, missing: ['services'] },
          { ruleId: 'kubeconfig-auth', status: 'blind', findings: 0, missing: [], message: ['no kubeconfig'] },
        ],
      }),
    );
    expect(c).toMatchObject({
      status: 'incomplete',
      unreadable: ['services', 'metrics'],
      partial: ['pods'],
      blindChecks: ['b'],
    });
    expect(c.headline).toBe(
      'Incomplete: 2 of 4 resource types unreadable, 1 resource type read in some namespaces only, 1 of 3 checks blind. What is reported is real; what could not be read was not checked.',
    );
  });

  it('is incomplete when objects over a read budget were skipped', () => {
    const c = completenessOf(
      makeTestReport([], {
        coverage: [ok('nodes'), ok('pods')],
        notes: [{ kind: 'objects-skipped', message: ['2 objects in a.json were over a read budget'] }],
      }),
    );
    expect(c).toMatchObject({ status: 'incomplete', skippedObjects: 1 });
    expect(c.headline).toMatch(/^Incomplete: some objects not read \(see the notes\)\./);
  });

  it('is no result at all when neither workloads nor nodes could be read', () => {
    const c = completenessOf(makeTestReport([], { coverage: [forbidden('nodes'), forbidden('pods'), ok('services')] }));
    expect(c.status).toBe('unusable');
    expect(c.headline).toMatch(/^Not a result: the scan could read no workloads and no nodes/);
  });
});
