import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { redactReport } from '../redact';
import { makeTestCatalog, makeTestFinding, makeTestReport } from '../test-fixtures';
import { exportSarif, objectUri } from './sarif';

/** The official SARIF 2.1.0 schema, as shipped by @microsoft/jest-sarif (a draft-04 document). */
function sarifValidator() {
  const file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft04, id: _id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // draft-04's `id` and meta-schema are the only parts draft-07 does not read; the rest validates the same.
  // One pattern of this schema (`language`) is not valid with the `u` flag, hence unicodeRegExp: false.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();
const catalog = makeTestCatalog();

function parseSarif(text: string) {
  return JSON.parse(text) as {
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } };
      results: {
        ruleId: string;
        level: string;
        partialFingerprints: Record<string, string>;
        locations: {
          physicalLocation: { artifactLocation: { uri: string } };
          logicalLocations: { fullyQualifiedName: string; kind: string }[];
        }[];
      }[];
      invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
    }[];
  };
}

const report = makeTestReport(
  [
    makeTestFinding(),
    makeTestFinding({
      severity: 'action',
      changeId: 'seccomp-annotations-removal',
      object: { apiVersion: 'v1', kind: 'Node', name: 'node a/b' },
    }),
    makeTestFinding({ severity: 'info', changeId: 'grpc-probes-beta' }),
    makeTestFinding({ changeId: 'not-in-catalog' }),
  ],
  { coverage: [{ resource: 'pods', status: 'forbidden', count: 0, message: ['RBAC says no'] }] },
);

describe('exportSarif', () => {
  it('validates against the SARIF 2.1.0 schema, redacted or not', () => {
    for (const r of [report, redactReport(report, { salt: 's' }), makeTestReport([])]) {
      const doc: unknown = JSON.parse(exportSarif(r, catalog));
      expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    const broken = parseSarif(exportSarif(report, catalog));
    const first = broken.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('has one rule per affected change and one located result per finding', () => {
    const [run] = parseSarif(exportSarif(report, catalog)).runs;
    expect(run?.tool.driver.name).toBe('Release Lens');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual([
      'dockershim-removal',
      'not-in-catalog',
      'seccomp-annotations-removal',
      'grpc-probes-beta',
    ]);
    expect(run?.tool.driver.rules[0]).toMatchObject({
      shortDescription: { text: 'Dockershim removed from the kubelet' },
      helpUri: 'https://github.com/kubernetes/enhancements/issues/2221',
    });
    expect(run?.results.map((r) => r.level).sort()).toEqual(['error', 'error', 'note', 'warning']);
    const node = run?.results.find((r) => r.ruleId === 'seccomp-annotations-removal');
    expect(node?.partialFingerprints['releaseLensFinding/v1']).toBe(report.findings[1]?.id);
    expect(node?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('k8s:///Node/node%20a%2Fb');
    expect(node?.locations[0]?.logicalLocations[0]).toMatchObject({
      fullyQualifiedName: 'Node/node a/b',
      kind: 'resource',
    });
    const notes = run?.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text);
    expect(notes?.[0]).toMatch(/^Not a result: the scan could read no workloads and no nodes/);
    expect(notes).toContain('pods: forbidden: RBAC says no');
  });

  it('carries the add-on inventory in the run properties, redacted with the rest', () => {
    const report = makeTestReport([makeTestFinding()], {
      addons: [
        {
          object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ingress', name: 'edge-controller' },
          addon: 'ingress-nginx',
          name: 'ingress-nginx (Kubernetes community)',
          version: '1.2.1',
          versionFrom: 'tag',
          releases: [
            { release: '1.24', range: '>=1.2.0 <1.9.0', verdict: 'inside' },
            { release: '1.25', range: '>=1.4.0 <1.10.0', verdict: 'older' },
          ],
        },
      ],
    });
    const props = (text: string) =>
      (JSON.parse(text) as { runs: { properties: { addons: { name: string; object: { name: string } }[] } }[] }).runs[0]
        ?.properties.addons;
    expect(props(exportSarif(report, catalog))).toEqual(report.addons);
    const redacted = props(exportSarif(redactReport(report, { salt: 's' }), catalog));
    expect(redacted?.[0]?.name).toBe('ingress-nginx (Kubernetes community)');
    expect(redacted?.[0]?.object.name).not.toContain('edge-controller');
    expect(validate(JSON.parse(exportSarif(report, catalog)))).toBe(true);
  });

  it('builds k8s:// uris for namespaced objects', () => {
    expect(objectUri({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' })).toBe(
      'k8s://shop/Deployment/api',
    );
  });
});
