import { renderText } from '../../model/text';
import { RESOURCE_KEYS } from '../../model/resources';
import { describe, expect, it } from 'vitest';
import { helmStorageObject } from '../../snapshot/helm/encode';
import { shopRelease } from '../../snapshot/helm/test-releases';
import { DEFAULT_BUDGETS } from '../../model/budgets';
import { OfflineSnapshotError, parseOfflineSnapshot, readOfflineSnapshot, SNAPSHOT_COMMANDS } from './parse';
import type { OfflineFile, OfflineResult } from './parse';
import type { Snapshot } from '../../model/snapshot';

const list = (items: unknown[], kind = 'List') => ({
  apiVersion: 'v1',
  kind,
  metadata: { resourceVersion: '' },
  items,
});
const file = (name: string, value: unknown): OfflineFile => ({ name, text: JSON.stringify(value, null, 2) });
const tmpl = { spec: { containers: [{ name: 'c', image: 'nginx' }] } };

const mixed = list([
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { nodeInfo: { kubeletVersion: 'v1.23.17' } } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'a' }, spec: tmpl.spec },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'a' }, spec: { template: tmpl } },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c', namespace: 'a' },
    spec: { jobTemplate: { spec: { template: tmpl } } },
  },
  { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'psp' }, spec: {} },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'a' } },
  { apiVersion: 'batch.volcano.sh/v1alpha1', kind: 'Job', metadata: { name: 'v', namespace: 'a' } },
  { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 's', namespace: 'a' }, data: { p: 'eA==' } },
  helmStorageObject(shopRelease(1), 'Secret'),
  {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: { name: 't', namespace: 'a' },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubelet-config-1.23', namespace: 'kube-system' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' } },
]);

function ok(result: OfflineResult): Snapshot {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.snapshot;
}

const status = (s: Snapshot, resource: string) => s.coverage.find((c) => c.resource === resource);

describe('parseOfflineSnapshot', () => {
  it('routes a mixed List and reports what it ignored', () => {
    const result = parseOfflineSnapshot([file('cluster.json', mixed)]);
    const s = ok(result);
    expect(s.source).toEqual({ kind: 'snapshot', label: 'cluster.json' });
    expect(s.nodes).toHaveLength(1);
    expect(s.pods).toHaveLength(1);
    expect(s.workloads.map((w) => w.kind)).toEqual(['Deployment', 'CronJob']);
    expect(s.podSecurityPolicies).toHaveLength(1);
    expect(s.helmReleases.map((r) => r.name)).toEqual(['storefront']);
    expect(s.serviceAccountTokens).toHaveLength(1);
    expect(s.kubeadm?.kubeletConfigMaps).toEqual(['kubelet-config-1.23']);
    expect(result.ok && result.ignored).toEqual([
      { kind: 'Ingress', count: 1 },
      { kind: 'Job', count: 1 },
      { kind: 'Secret', count: 1 },
      { kind: 'ConfigMap', count: 1 },
    ]);
  });

  it('marks present resources ok and names the command for missing ones', () => {
    const s = ok(parseOfflineSnapshot([file('cluster.json', mixed)]));
    expect(status(s, 'pods')).toEqual({ resource: 'pods', status: 'ok', count: 1 });
    expect(status(s, 'apiEvidence')).toBeUndefined();
    expect(status(s, 'cronjobs')?.count).toBe(1);
    expect(status(s, 'helmsecrets')).toMatchObject({ status: 'ok', count: 1 });
    expect(status(s, 'storageclasses')?.status).toBe('not-provided');
    expect(renderText(status(s, 'storageclasses')?.message ?? [])).toContain(
      'kubectl get storageclasses.storage.k8s.io -A -o json',
    );
    expect(renderText(status(s, 'version')?.message ?? [])).toContain('kubectl version -o json');
    expect(renderText(status(s, 'helmconfigmaps')?.message ?? [])).toContain(
      'kubectl get configmaps -A -l owner=helm -o json',
    );
    expect(s.serverVersion).toBeUndefined();
    expect(s.coverage).toHaveLength(RESOURCE_KEYS.length);
  });

  it('merges several files: typed lists, version, api-versions, metrics and the info document', () => {
    const s = ok(
      parseOfflineSnapshot([
        file('cluster.json', mixed),
        file('sc.json', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClassList', items: [] }),
        file('pvs.json', {
          apiVersion: 'v1',
          kind: 'PersistentVolumeList',
          items: [{ metadata: { name: 'pv' }, spec: { nfs: {} } }],
        }),
        file('version.json', {
          clientVersion: { gitVersion: 'v1.28.0', major: '1', minor: '28' },
          serverVersion: { gitVersion: 'v1.25.3', major: '1', minor: '25+' },
        }),
        { name: 'api-versions.txt', text: 'apps/v1\nbatch/v1\nv1\n' },
        {
          name: 'metrics.txt',
          text: '# HELP x y\napiserver_requested_deprecated_apis{group="batch",removed_release="1.25",resource="cronjobs",subresource="",version="v1beta1"} 1\n',
        },
        file('info.json', {
          kind: 'ReleaseLensSnapshotInfo',
          collectedAt: '2024-02-03T04:05:06Z',
          resources: ['events'],
        }),
      ]),
    );
    expect(s.collectedAt).toBe('2024-02-03T04:05:06.000Z');
    expect(s.source.label).toBe(
      'cluster.json, sc.json, pvs.json, version.json, api-versions.txt, metrics.txt, info.json',
    );
    expect(status(s, 'storageclasses')).toEqual({ resource: 'storageclasses', status: 'ok', count: 0 });
    expect(s.persistentVolumes[0]?.source).toEqual({ type: 'inTree', plugin: 'nfs' });
    expect(status(s, 'events')?.status).toBe('ok');
    expect(s.serverVersion?.gitVersion).toBe('v1.25.3');
    expect(s.servedGroupVersions).toEqual(['apps/v1', 'batch/v1', 'v1']);
    expect(s.deprecatedApiRequests).toHaveLength(1);
    expect(status(s, 'metrics')?.status).toBe('ok');
  });

  it('says PodSecurityPolicy is not served on 1.25+', () => {
    const s = ok(
      parseOfflineSnapshot([
        file('c.json', list([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }])),
        file('i.json', {
          kind: 'ReleaseLensSnapshotInfo',
          serverVersion: { gitVersion: 'v1.26.1', major: '1', minor: '26' },
        }),
      ]),
    );
    expect(status(s, 'podsecuritypolicies')?.status).toBe('not-served');
  });

  it('accepts a single object', () => {
    const s = ok(
      parseOfflineSnapshot([file('ns.json', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } })]),
    );
    expect(s.namespaces).toHaveLength(1);
  });

  it('uses the given source and time', () => {
    const s = ok(
      parseOfflineSnapshot([file('c.json', mixed)], {
        source: { kind: 'demo', label: 'Demo' },
        collectedAt: new Date('2020-01-01T00:00:00Z'),
      }),
    );
    expect(s.source.kind).toBe('demo');
    expect(s.collectedAt).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('parseOfflineSnapshot errors', () => {
  const errorOf = (files: OfflineFile[], maxBytes?: number): OfflineSnapshotError => {
    const r = parseOfflineSnapshot(files, maxBytes === undefined ? {} : { maxBytes });
    if (r.ok) throw new Error('expected an error');
    const [e] = r.errors;
    if (!e) throw new Error('no error');
    return e;
  };

  it('invalid-json, with file and position', () => {
    const e = errorOf([{ name: 'cluster.json', text: '{\n  "kind": "List",\n  "items": [}\n' }]);
    expect(e).toBeInstanceOf(OfflineSnapshotError);
    expect(e.kind).toBe('invalid-json');
    expect(e.file).toBe('cluster.json');
    expect(e.position).toEqual({ line: 3, column: 13 });
    expect(e.message).toMatch(/^cluster\.json is not valid JSON: .* at line 3, column 13\./);
  });

  it('invalid-json for a file cut short, and for random text', () => {
    const cut = errorOf([{ name: 'c.json', text: '{"kind": "List", "items": [' }]);
    expect(cut.kind).toBe('invalid-json');
    expect(cut.position?.line).toBe(1);
    expect(errorOf([{ name: 'notes.txt', text: 'hello there, not json' }]).kind).toBe('invalid-json');
  });

  it('invalid-json for UTF-16 text, naming the PowerShell fix; a UTF-8 BOM is fine', () => {
    const utf16 = Buffer.from('{"kind":"List","items":[]}', 'utf16le').toString('latin1');
    expect(errorOf([{ name: 'ps.json', text: utf16 }]).message).toContain('Out-File -Encoding utf8');
    const bom = `\uFEFF${JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } })}`;
    expect(parseOfflineSnapshot([{ name: 'bom.json', text: bom }]).ok).toBe(true);
  });

  it('not-kubernetes', () => {
    expect(errorOf([file('package.json', { name: 'x', version: '1.0.0' })]).message).toContain(
      'package.json is not a Kubernetes snapshot: it has no "kind"',
    );
    expect(errorOf([file('a.json', [1, 2])]).kind).toBe('not-kubernetes');
    expect(errorOf([file('i.json', { kind: 'ReleaseLensSnapshotInfo', resources: ['nope'] })]).message).toContain(
      'field resources.0',
    );
  });

  it('too-large, per file and in total', () => {
    const big = file('big.json', mixed);
    expect(errorOf([big], 100)).toMatchObject({ kind: 'too-large', file: 'big.json' });
    const small = file('s.json', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    const limit = small.text.length + 10;
    expect(errorOf([small, small], limit)).toMatchObject({ kind: 'too-large', file: undefined });
  });

  it('empty', () => {
    expect(errorOf([{ name: 'e.json', text: '  \n' }])).toMatchObject({ kind: 'empty', file: 'e.json' });
    expect(errorOf([file('l.json', list([]))])).toMatchObject({ kind: 'empty', file: undefined });
    expect(errorOf([])).toMatchObject({ kind: 'empty' });
  });

  it('reports every bad file at once', () => {
    const r = parseOfflineSnapshot([
      { name: 'a.json', text: '' },
      { name: 'b.json', text: '{' },
      file('c.json', mixed),
    ]);
    expect(r.ok ? [] : r.errors.map((e) => `${e.file}:${e.kind}`)).toEqual(['a.json:empty', 'b.json:invalid-json']);
  });
});

describe('SNAPSHOT_COMMANDS', () => {
  it('reads PodSecurityPolicy only for clusters that still serve it', () => {
    const main = (set: keyof typeof SNAPSHOT_COMMANDS) => SNAPSHOT_COMMANDS[set][0]?.command ?? '';
    expect(main('1.23-1.24')).toContain('podsecuritypolicies.policy');
    expect(main('1.25+')).not.toContain('podsecuritypolicies');
    expect(main('1.25+')).toMatch(/^kubectl get .* -A -o json --show-managed-fields > cluster\.json$/);
    expect(SNAPSHOT_COMMANDS['1.25+'].map((c) => c.command)).toContain(
      'kubectl get secrets -A -l owner=helm -o json > helm-secrets.json',
    );
  });
});

describe('readOfflineSnapshot (streamed)', () => {
  async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += size) yield await Promise.resolve(bytes.subarray(i, i + size));
  }
  const stream = (f: OfflineFile, size: number) => ({ name: f.name, chunks: chunks(f.text, size) });
  const at = new Date('2024-01-01T00:00:00Z');

  it('reads the same snapshot as the in-memory parser, whatever the chunk size', async () => {
    const files = [file('cluster.json', mixed), { name: 'api-versions.txt', text: 'v1\napps/v1\nbatch/v1\n' }];
    const expected = ok(parseOfflineSnapshot(files, { collectedAt: at }));
    for (const size of [1, 3, 64, 1 << 20]) {
      const got = ok(
        await readOfflineSnapshot(
          files.map((f) => stream(f, size)),
          { collectedAt: at },
        ),
      );
      expect(got, `chunks of ${size}`).toEqual(expected);
    }
  });

  it('stops reading at the size limit, so an endless upload costs only the limit', async () => {
    let sent = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('{"apiVersion":"v1","kind":"List","items":[');
      for (;;) {
        const chunk = Buffer.from('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}},'.repeat(100));
        sent += chunk.length;
        yield await Promise.resolve(chunk);
      }
    }
    const result = await readOfflineSnapshot([{ name: 'endless.json', chunks: endless() }], { maxBytes: 1 << 20 });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /endless.json is larger than the 1 MiB this server accepts \(RELEASE_LENS_MAX_SNAPSHOT_BYTES\)/,
      ),
    ]);
    expect(sent).toBeLessThan(2 << 20);
  });

  it('skips an object over a read budget, names the file and the setting, and reads the others', () => {
    const huge = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'big', namespace: 'a' },
      data: { x: 'y'.repeat(5000) },
    };
    const s = ok(
      parseOfflineSnapshot([file('c.json', list([huge, ...mixed.items]))], {
        budgets: { ...DEFAULT_BUDGETS, stringBytes: 1000 },
      }),
    );
    expect(s.nodes).toHaveLength(1);
    expect(s.skipped).toEqual([
      { file: 'c.json', count: 1, reasons: ['holds a string longer than 1000 bytes (RELEASE_LENS_MAX_STRING_BYTES)'] },
    ]);
  });

  it('refuses a Helm separator bomb in its record and reads the rest of the snapshot', () => {
    const bomb = helmStorageObject({ ...shopRelease(1), name: 'bomb', manifest: '---\n'.repeat(1_500_000) }, 'Secret');
    const s = ok(parseOfflineSnapshot([file('c.json', list([bomb, ...mixed.items]))]));
    const release = s.helmReleases.find((r) => r.name === 'bomb');
    expect(release?.decodeErrors[0]?.message).toBe(
      'the manifest has more than 10000 (RELEASE_LENS_MAX_MANIFEST_DOCUMENTS) documents; not decoded',
    );
    expect(s.helmReleases.find((r) => r.name === 'storefront')?.current?.revision).toBe(1);
  });
});
