import { describe, expect, it } from 'vitest';
import { PodSpecInterner } from './intern';
import { projectPod } from './pod';

const rawPod = (i: number, node?: string) => ({
  metadata: { name: `web-${i}`, namespace: 'shop', uid: `u${i}` },
  spec: {
    ...(node === undefined ? {} : { nodeName: node }),
    nodeSelector: { b: '2', a: '1' },
    volumes: [
      {
        name: `kube-api-access-${String(i % 100000).padStart(5, 'a')}`,
        projected: { sources: [{ serviceAccountToken: {} }] },
      },
    ],
    containers: [
      {
        name: 'web',
        image: 'nginx:1.25',
        volumeMounts: [
          { name: `kube-api-access-${String(i % 100000).padStart(5, 'a')}`, mountPath: '/var/run/secrets' },
        ],
      },
    ],
  },
});

describe('PodSpecInterner', () => {
  it('keeps one spec object for 10k identical pods', () => {
    const interner = new PodSpecInterner();
    const intern = (s: Parameters<PodSpecInterner['intern']>[0]) => interner.intern(s);
    const pods = Array.from({ length: 10_000 }, (_, i) => projectPod(rawPod(i, 'worker-1'), intern));
    expect(new Set(pods.map((p) => p?.spec)).size).toBe(1);
    expect(interner.size).toBe(1);
  });

  it('shares nested objects between pods on different nodes', () => {
    const interner = new PodSpecInterner();
    const intern = (s: Parameters<PodSpecInterner['intern']>[0]) => interner.intern(s);
    const a = projectPod(rawPod(1, 'worker-1'), intern);
    const b = projectPod(rawPod(2, 'worker-2'), intern);
    const c = projectPod(rawPod(3), intern);
    expect(a?.spec).not.toBe(b?.spec);
    expect(b?.spec.nodeName).toBe('worker-2');
    expect(c?.spec.nodeName).toBeUndefined();
    expect('nodeName' in (c?.spec ?? {})).toBe(false);
    expect(a?.spec.containers).toBe(b?.spec.containers);
    expect(a?.spec.containers).toBe(c?.spec.containers);
    expect(interner.size).toBe(3);
    expect(interner.bodies).toBe(1);
  });

  it('keeps different specs apart', () => {
    const interner = new PodSpecInterner();
    const a = projectPod(rawPod(1), (s) => interner.intern(s));
    const other = rawPod(2);
    other.spec.containers[0] = {
      ...other.spec.containers[0],
      image: 'nginx:1.26',
    } as (typeof other.spec.containers)[0];
    const b = projectPod(other, (s) => interner.intern(s));
    expect(a?.spec).not.toBe(b?.spec);
    expect(interner.bodies).toBe(2);
  });
});
