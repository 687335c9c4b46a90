import { describe, expect, it, vi } from 'vitest';
import { PodSpecInterner } from './intern';
import type { PodSpec } from '../../model/snapshot';
import { projectPod } from './pod';

const rawPod = (i: number, node?: string, owner?: string) => ({
  metadata: {
    name: `web-${i}`,
    namespace: 'shop',
    uid: `u${i}`,
    ...(owner === undefined
      ? {}
      : {
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: owner, controller: true }],
        }),
  },
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

  it('compares the pods of one owner with its earlier pods instead of serializing each spec', () => {
    const interner = new PodSpecInterner();
    const intern = (s: PodSpec, owner?: string) => interner.intern(s, owner);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const pods = Array.from({ length: 1000 }, (_, i) => projectPod(rawPod(i, `worker-${i % 3}`, 'rs-1'), intern));
      expect(stringify).toHaveBeenCalledTimes(1);
      expect(new Set(pods.map((p) => p?.spec)).size).toBe(3);
      expect(interner.bodies).toBe(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it("keeps an owner's pods that differ apart, and shares equal specs between owners", () => {
    const interner = new PodSpecInterner();
    const intern = (s: PodSpec, owner?: string) => interner.intern(s, owner);
    const patched = rawPod(2, 'worker-1', 'rs-1');
    patched.spec.containers[0] = {
      ...patched.spec.containers[0],
      image: 'nginx:1.26',
    } as (typeof patched.spec.containers)[0];
    const a = projectPod(rawPod(1, 'worker-1', 'rs-1'), intern);
    const b = projectPod(patched, intern);
    const c = projectPod(rawPod(3, 'worker-1', 'rs-1'), intern);
    const d = projectPod(rawPod(4, 'worker-1', 'rs-2'), intern);
    const e = projectPod(rawPod(5, 'worker-1'), intern);
    expect(b?.spec).not.toBe(a?.spec);
    expect(b?.spec.containers[0]?.image).toBe('nginx:1.26');
    expect(c?.spec).toBe(a?.spec);
    expect(d?.spec).toBe(a?.spec);
    expect(e?.spec).toBe(a?.spec);
    expect(interner.bodies).toBe(2);
    // A spec that differs only in a list's length or a key it lacks is not taken for another.
    const fewer = rawPod(6, 'worker-1', 'rs-1');
    fewer.spec.nodeSelector = { a: '1' } as typeof fewer.spec.nodeSelector;
    expect(projectPod(fewer, intern)?.spec.nodeSelector).toEqual({ a: '1' });
    expect(interner.bodies).toBe(3);
  });
});
