import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../lib/env';
import { redactReport } from '../../lib/report/redact';
import { collectSnapshot } from '../../lib/sources/cluster/collect/collect-snapshot';
import { connect } from '../../lib/sources/cluster/connect';
import { testKubeconfig } from '../../lib/sources/cluster/testing/connect-fake';
import { identitiesOf, leaks, markers, outputs, rename, salt, scan } from '../redaction/leak-check';
import { testCluster } from './test-cluster';

const cluster = testCluster();
const env = parseEnv({});

describe('a redacted report of a real scan of the seeded cluster', () => {
  it('names no identity of the cluster in any output', async () => {
    const conn = await connect(
      {
        kind: 'upload',
        kubeconfig: testKubeconfig(cluster.server, { token: cluster.tokens.reader, caPem: cluster.caPem }),
      },
      { env },
    );
    let snapshot;
    try {
      snapshot = await collectSnapshot(conn, { env });
    } finally {
      conn.close();
    }
    const original = scan(snapshot);
    const names = markers(identitiesOf(original));
    expect(names.size).toBeGreaterThan(100);
    const renamed = scan(rename(snapshot, names));
    expect(renamed.findings.length).toBeGreaterThanOrEqual(Math.floor(original.findings.length * 0.9));
    expect(leaks(outputs(redactReport(renamed, { salt })))).toEqual([]);
    expect(leaks(outputs(renamed)).length).toBeGreaterThan(names.size);
  });
});
