import { renderText } from '../../model/text';
import { describe, expect, it } from 'vitest';
import { makeTestCatalog, makeTestFinding, makeTestReport } from '../test-fixtures';
import { CSV_COLUMNS, csvCell, exportCsv } from './csv';
import { parseCsv, parseCsvRecords } from './csv-parse';

const catalog = makeTestCatalog();

describe('exportCsv', () => {
  it('round-trips every finding through an RFC 4180 parser', () => {
    const findings = [
      makeTestFinding({
        object: { apiVersion: 'v1', kind: 'Pod', namespace: 'a,b', name: 'say "hi"' },
        owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'a,b', name: '=HYPERLINK("http://x")' },
        helmRelease: { name: '+shop', namespace: 'a,b' },
        message: ['line one\r\nline two'],
        remediation: ["-rm -rf, then '@sum(A1)"],
      }),
      makeTestFinding({
        severity: 'info',
        changeId: 'grpc-probes-beta',
        object: { apiVersion: 'v1', kind: 'Node', name: 'n1' },
      }),
    ];
    const records = parseCsvRecords(exportCsv(makeTestReport(findings), catalog));
    expect(records).toHaveLength(findings.length);
    for (const f of findings) {
      const r = records.find((rec) => rec.finding_id === f.id);
      expect(r).toMatchObject({
        severity: f.severity,
        change_id: f.changeId,
        rule_id: f.ruleId,
        api_version: f.object.apiVersion,
        kind: f.object.kind,
        namespace: f.object.namespace ?? '',
        name: f.object.name,
        owner_kind: f.owner?.kind ?? '',
        owner_name: f.owner?.name ?? '',
        message: renderText(f.message),
        remediation: renderText(f.remediation),
      });
    }
    expect(records[0]).toMatchObject({
      change_title: 'Dockershim removed from the kubelet',
      kep: '2221',
      helm_release: 'a,b/+shop',
    });
    expect(records[0]?.evidence).toBe(
      'field spec.template.spec.volumes[docker].hostPath.path = /var/run/docker.sock: hostPath volume pointing at the Docker socket',
    );
  });

  it('has the documented header and CRLF line ends', () => {
    const csv = exportCsv(makeTestReport([makeTestFinding()]), catalog);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(parseCsv(csv)).toHaveLength(2);
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', "'"]) {
      const cell = csvCell(`${start}1+1`);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    const csv = exportCsv(makeTestReport([makeTestFinding({ message: ['=cmd|" /C calc"!A0'] })]), catalog);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
  });
});
