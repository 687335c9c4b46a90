import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import { fleetJson, fleetMarkdown, sortRows, worstExit, type FleetRow } from './fleet-summary';

const row = (over: Partial<FleetRow> & { context: string }): FleetRow => ({
  verdict: 'ready',
  blockers: 0,
  before: 0,
  after: 0,
  notChecked: 0,
  counts: { breaking: 0, action: 0, info: 0 },
  exit: EXIT.ok,
  seconds: 1,
  ...over,
});

describe('the fleet summary', () => {
  const rows = [
    row({
      context: 'stage',
      verdict: 'ready-with-actions',
      before: 2,
      exit: EXIT.ok,
      uid: 'u-1',
      file: 'out/stage.md',
    }),
    row({ context: 'prod', verdict: 'blocked', blockers: 3, exit: EXIT.findings, uid: 'u-2', file: 'out/prod.md' }),
    row({ context: 'gone', verdict: 'failed', exit: EXIT.scanFailed, error: '127.0.0.1:1 did not answer' }),
    row({ context: 'prod-readonly', verdict: 'blocked', blockers: 3, exit: EXIT.findings, uid: 'u-2' }),
  ];

  it('exits by the worst cluster: one not scanned outweighs findings', () => {
    expect(worstExit(rows)).toBe(EXIT.scanFailed);
    expect(worstExit(rows.filter((r) => r.verdict !== 'failed'))).toBe(EXIT.findings);
    expect(worstExit([row({ context: 'a' }), row({ context: 'b', exit: EXIT.incomplete })])).toBe(EXIT.incomplete);
    expect(worstExit([])).toBe(EXIT.ok);
  });

  it('lists clusters not scanned and blocked first, says why one failed, and names contexts of one cluster', () => {
    expect(sortRows(rows).map((r) => r.context)).toEqual(['gone', 'prod', 'prod-readonly', 'stage']);
    const md = fleetMarkdown(rows, '1.25');
    expect(md).toContain('| gone |  | not scanned |  |  |  |  | 127.0.0.1:1 did not answer |');
    expect(md).toContain('| prod |  | blocked | 3 | 0 | 0 | 0 | out/prod.md |');
    expect(md).toContain('Same cluster (one kube-system UID): prod, prod-readonly.');
    const json = JSON.parse(fleetJson(rows, '1.25')) as { exit: number; clusters: FleetRow[] };
    expect(json.exit).toBe(EXIT.scanFailed);
    expect(json.clusters).toHaveLength(4);
  });
});
