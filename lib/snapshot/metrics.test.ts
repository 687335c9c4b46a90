import { describe, expect, it } from 'vitest';
import { DeprecatedApiMetricsParser, parseDeprecatedApiLine, parseDeprecatedApiRequests } from './metrics';

const METRICS = `# HELP apiserver_requested_deprecated_apis [STABLE] Gauge of deprecated APIs that have been requested, broken out by API group, version, resource, subresource, and removed_release.
# TYPE apiserver_requested_deprecated_apis gauge
apiserver_requested_deprecated_apis{group="batch",removed_release="1.25",resource="cronjobs",subresource="",version="v1beta1"} 1
apiserver_requested_deprecated_apis{group="policy",removed_release="1.25",resource="podsecuritypolicies",subresource="",version="v1beta1"} 1
apiserver_requested_deprecated_apis{group="",removed_release="",resource="componentstatuses",subresource="",version="v1"} 1
apiserver_requested_deprecated_apis{group="autoscaling",removed_release="1.26",resource="horizontalpodautoscalers",subresource="status",version="v2beta2"} 1 1700000000000
apiserver_requested_deprecated_apis{group="extensions",removed_release="1.22",resource="ingresses",subresource="",version="v1beta1"} 0
# HELP apiserver_request_total Counter of apiserver requests.
apiserver_request_total{code="200",verb="LIST"} 1
apiserver_requested_deprecated_apis_other{group="x",version="v1",resource="r"} 1
`;

describe('parseDeprecatedApiRequests', () => {
  it('extracts the deprecated-API series with value 1', () => {
    expect(parseDeprecatedApiRequests(METRICS)).toEqual([
      { group: 'batch', version: 'v1beta1', resource: 'cronjobs', removedRelease: '1.25' },
      { group: 'policy', version: 'v1beta1', resource: 'podsecuritypolicies', removedRelease: '1.25' },
      { group: '', version: 'v1', resource: 'componentstatuses', removedRelease: '' },
      {
        group: 'autoscaling',
        version: 'v2beta2',
        resource: 'horizontalpodautoscalers',
        subresource: 'status',
        removedRelease: '1.26',
      },
    ]);
  });

  it('gives the same answer when fed in arbitrary chunks, with CRLF line ends', () => {
    const text = METRICS.replace(/\n/g, '\r\n');
    const parser = new DeprecatedApiMetricsParser();
    for (let i = 0; i < text.length; i += 7) parser.write(text.slice(i, i + 7));
    expect(parser.end()).toEqual(parseDeprecatedApiRequests(METRICS));
  });

  it('skips over-long lines without buffering them', () => {
    const parser = new DeprecatedApiMetricsParser();
    parser.write(`x${'a'.repeat(70_000)}`);
    parser.write(`${'a'.repeat(10)}\n`);
    parser.write(METRICS);
    expect(parser.end()).toHaveLength(4);
  });

  it('de-duplicates and handles escaped label values', () => {
    const line =
      'apiserver_requested_deprecated_apis{group="a\\"b",removed_release="1.25",resource="r",version="v1"} 1';
    expect(parseDeprecatedApiLine(line)).toEqual({
      group: 'a"b',
      version: 'v1',
      resource: 'r',
      removedRelease: '1.25',
    });
    expect(parseDeprecatedApiRequests(`${line}\n${line}\n`)).toHaveLength(1);
  });

  it('ignores malformed lines', () => {
    for (const line of [
      'apiserver_requested_deprecated_apis 1',
      'apiserver_requested_deprecated_apis{group="a} 1',
      'apiserver_requested_deprecated_apis{group="a",version="v1"} 1',
      'apiserver_requested_deprecated_apis{resource="r",version="v1"} NaN',
      '',
    ]) {
      expect(parseDeprecatedApiLine(line)).toBeUndefined();
    }
  });
});
