/**
 * Hostile inputs, generated: each is what an attacker (or a tenant with `create secret`) can send or plant.
 */
import { gzipSync } from 'node:zlib';
import { helmStorageObject } from '../../lib/snapshot/helm/encode';
import { wrapped } from '../../lib/sources/cluster/wire/testing';
import { shopRelease } from '../../lib/snapshot/helm/test-releases';

const MiB = 1024 * 1024;

/** A Helm release Secret whose manifest is `separators` lines of `---`: a few tens of KB stored. */
export function separatorBombSecret(separators = 6_000_000): Record<string, unknown> {
  return helmStorageObject(
    { ...shopRelease(1), name: 'bomb', manifest: '---\n'.repeat(separators), hooks: [] },
    'Secret',
  );
}

const node = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, uid: `uid-${name}` },
  status: { nodeInfo: { kubeletVersion: 'v1.24.17', containerRuntimeVersion: 'containerd://1.6.8' } },
});

/** A kubectl List as JSON text. */
export const list = (items: unknown[]): string => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });

/** A snapshot with the separator bomb planted beside an ordinary node. */
export function separatorBombSnapshot(): string {
  return list([node('worker-1'), separatorBombSecret()]);
}

/**
 * A snapshot of about `bytes`: pods (with env, the bulk of real pod specs) spread over namespaces and nodes, and
 * ConfigMaps with data (which the checks do not keep), as a large cluster's `kubectl get -o json` looks.
 */
export function snapshotOfSize(bytes: number): Buffer {
  const parts: string[] = ['{"apiVersion":"v1","kind":"List","items":[', JSON.stringify(node('worker-0'))];
  let size = parts.join('').length;
  for (let i = 0; size < bytes; i += 1) {
    const item =
      i % 3 === 2
        ? {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: `cm-${i}`, namespace: `team-${i % 40}`, uid: `cm-${i}` },
            data: { 'settings.json': JSON.stringify({ feature: i, padding: 'x'.repeat(2000) }) },
          }
        : {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: {
              name: `app-${i}`,
              namespace: `team-${i % 40}`,
              uid: `pod-${i}`,
              labels: { app: `app-${i % 200}` },
            },
            spec: {
              nodeName: `worker-${i % 50}`,
              containers: [
                {
                  name: 'app',
                  image: `registry.example.com/app-${i % 200}:1.${i % 7}`,
                  env: Array.from({ length: 20 }, (_, k) => ({
                    name: `SETTING_${k}`,
                    value: `value-${k}-${'v'.repeat(60)}`,
                  })),
                },
              ],
            },
            status: { phase: 'Running' },
          };
    const text = `,${JSON.stringify(item)}`;
    parts.push(text);
    size += text.length;
  }
  parts.push(']}');
  return Buffer.from(parts.join(''));
}

/** A snapshot whose one ConfigMap nests `depth` arrays deep, beside an ordinary node. */
export function deepSnapshot(depth = 100_000): string {
  const deep = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep","namespace":"x"},"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  return `{"apiVersion":"v1","kind":"List","items":[${JSON.stringify(node('worker-1'))},${deep}]}`;
}

/** A paste of 33,000 short keys, within the kubeconfig size limit (about 230 KB). */
export function manyKeysKubeconfig(keys = 33_000): string {
  return Array.from({ length: keys }, (_, i) => `${i.toString(36)}: 1`).join('\n');
}

/** A kubeconfig nested as deep as its size allows. */
export function deepKubeconfig(bytes = 250 * 1024): string {
  const depth = Math.floor((bytes - 20) / 2);
  return `clusters: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** About 200 KB of gzip that inflates to `inflated` bytes of a LIST whose one item holds a giant string. */
export function gzipBombList(inflated = 200 * MiB): Buffer {
  const head = Buffer.from('{"kind":"List","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"');
  const tail = Buffer.from('"}}]}');
  return gzipSync(Buffer.concat([head, Buffer.alloc(inflated, 0x61), tail]), { level: 9 });
}

/**
 * Protobuf LIST answers of pods a hostile API server could send (Content-Type application/vnd.kubernetes.protobuf):
 * `groups`, one item of 4 MiB of nested group starts in a field no Pod has (a decoder that recursed over them would
 * run out of stack); `huge`, gzip of an item declared 4 GiB long and filled with zeros as far as 200 MiB inflated.
 */
export function protobufBombs(): { groups: Buffer; huge: Buffer } {
  const groupStarts = Buffer.alloc(4 * MiB, (15 << 3) | 3);
  const item = (length: number) => {
    const bytes: number[] = [0x12];
    for (let n = length; ; n = Math.floor(n / 128)) {
      if (n < 128) {
        bytes.push(n);
        break;
      }
      bytes.push((n % 128) | 0x80);
    }
    return Buffer.from(bytes);
  };
  const groups = wrapped(Buffer.concat([item(groupStarts.length), groupStarts]));
  // The answer's own framing says 4 GiB of list: a reader must stop at its response budget, not wait for the end.
  const listHead = Buffer.from([0x12, 0xff, 0xff, 0xff, 0xff, 0x0f, ...item(2 ** 32 - 64)]);
  const huge = gzipSync(Buffer.concat([Buffer.from('k8s\0', 'latin1'), listHead, Buffer.alloc(200 * MiB)]), {
    level: 9,
  });
  return { groups, huge };
}

/** A multipart/form-data body streamed in chunks, `bytes` long, with no Content-Length (chunked). */
export async function* endlessUpload(boundary: string, bytes: number): AsyncGenerator<Buffer> {
  yield Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="snapshot"; filename="huge.json"\r\n` +
      'Content-Type: application/json\r\n\r\n{"apiVersion":"v1","kind":"List","items":[',
  );
  const item = `${JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'y' }, data: { k: 'v'.repeat(900) } })},`;
  const chunk = Buffer.from(item.repeat(Math.ceil(MiB / item.length)));
  for (let sent = 0; sent < bytes; sent += chunk.length) yield await Promise.resolve(chunk);
}

/** A 512-byte tar header for a regular file (ustar), with its checksum. */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/**
 * A repository .tar.gz of a few hundred KB: one manifest that names a removed API, then a file that inflates to
 * `inflated` bytes of spaces, then another manifest. Written by hand so the test needs no archiver.
 */
export function tarGzBomb(inflated = 256 * MiB): Buffer {
  const pdb = Buffer.from(
    'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: shop\n',
  );
  const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512, 0);
  const parts = [
    tarHeader('repo/deploy/pdb.yaml', pdb.length),
    pdb,
    pad(pdb.length),
    tarHeader('repo/deploy/huge.yaml', inflated),
    Buffer.alloc(inflated, 0x20),
    pad(inflated),
    tarHeader('repo/deploy/after.yaml', pdb.length),
    pdb,
    pad(pdb.length),
    Buffer.alloc(1024, 0),
  ];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
