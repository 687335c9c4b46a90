import { describe, expect, it } from 'vitest';
import { renderText } from '../model/text';
import { snapshot } from '../snapshot/test-fixtures';
import { coverageNotes } from './notes';

const pspRead = {
  resource: 'podsecuritypolicies' as const,
  status: 'ok' as const,
  count: 0,
  apiVersion: 'policy/v1beta1',
  deprecatedVersionRead: true,
};
const series = { group: 'policy', version: 'v1beta1', resource: 'podsecuritypolicies', removedRelease: '1.25' };

describe('coverageNotes', () => {
  it('records the deprecated series a scan raises itself, and says when that series is present', () => {
    const before = coverageNotes(snapshot({ coverage: [pspRead] })).map((n) => renderText(n.message));
    expect(before).toEqual([
      "podsecuritypolicies were read through policy/v1beta1, the only version that serves them; that read raises the matching series of the cluster's deprecated-API metric.",
    ]);
    const after = coverageNotes(snapshot({ coverage: [pspRead], deprecatedApiRequests: [series] }));
    expect(renderText(after[0]?.message ?? [])).toMatch(/The series is present now; a scan .* explains it/);
  });
});
