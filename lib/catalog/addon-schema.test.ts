import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASES } from '../model/releases';
import { parseConstraint } from '../model/semver';
import { keepLabel } from '../snapshot/project/keep';
import { addonSchema } from './addon-schema';
import { loadCatalogFrom } from './load';

const catalog = loadCatalogFrom(path.join(import.meta.dirname, '..', '..', 'data'));

const valid = {
  id: 'example-controller',
  name: 'Example controller',
  category: 'ingress',
  homepage: 'https://example.com',
  recognise: { images: ['registry.example.com/example/controller'], labels: [], charts: ['example'] },
  version: { from: 'image-tag', note: 'the image tag is the release' },
  support: [
    { kubernetes: '1.24', versions: '>=1.2.0 <2.0.0', source: 'https://example.com/matrix', checked: 'row 1.2 | 1.24' },
  ],
  outside: 'Outside the range the controller is untested and its watches may use removed APIs.',
  advice: 'Upgrade the controller to a release inside the range before the control plane moves.',
};

describe('the add-on table', () => {
  it('holds every add-on the issue names, each with a sourced range for 1.24 and for 1.25 that parses', () => {
    expect(catalog.addons.map((a) => a.id)).toEqual(
      expect.arrayContaining(['ingress-nginx', 'cert-manager', 'calico', 'cilium', 'flannel', 'coredns', 'kube-proxy']),
    );
    expect(catalog.addons.length).toBeGreaterThanOrEqual(24);
    for (const addon of catalog.addons) {
      for (const release of RELEASES) {
        const row = addon.support.find((s) => s.kubernetes === release);
        expect(row, `${addon.id} ${release}`).toBeDefined();
        expect(row?.source, `${addon.id} ${release}`).toMatch(/^https:\/\//);
        expect(parseConstraint(row?.versions ?? ''), `${addon.id} ${release}`).toBeDefined();
      }
    }
  });

  it('refuses a range that does not parse, an image with a tag, a missing source, a release listed twice', () => {
    const problems = (over: Record<string, unknown>) =>
      addonSchema.safeParse({ ...valid, ...over }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(addonSchema.safeParse(valid).success).toBe(true);
    expect(problems({ support: [{ ...valid.support[0], versions: 'newer than 1.2' }] })).toEqual([
      'support.0.versions: must be a version range such as >=1.3.0 <1.9.0',
    ]);
    expect(problems({ recognise: { ...valid.recognise, images: ['registry.example.com/x:v1.2.0'] } })[0]).toContain(
      'must be registry/path',
    );
    const { source: _, ...unsourced } = valid.support[0] ?? {};
    expect(problems({ support: [unsourced] })[0]).toContain('support.0.source');
    expect(problems({ support: [valid.support[0], valid.support[0]] })).toEqual(['support: lists 1.24 twice']);
    expect(problems({ recognise: { ...valid.recognise, labels: [{}] } })).toEqual([
      'recognise.labels.0: a label selector needs at least one label',
    ]);
  });

  it('has every label of its selectors kept by projection, or a selector could never match a scanned cluster', () => {
    const dropped = catalog.addons.flatMap((a) =>
      a.recognise.labels.flatMap((selector) =>
        Object.entries(selector)
          .filter(([key, value]) => !keepLabel(key, value))
          .map(([key, value]) => `${a.id}: ${key}=${value}`),
      ),
    );
    expect(dropped).toEqual([]);
  });

  it("marks ranges that are not the project's own statement, and explains each in what was checked", () => {
    const notStated = catalog.addons.flatMap((a) =>
      a.support.filter((s) => s.basis !== 'statement').map((s) => `${a.id} ${s.kubernetes} ${s.basis}`),
    );
    expect(notStated).toEqual(
      expect.arrayContaining(['coredns 1.25 reference', 'gatekeeper 1.24 derived', 'flannel 1.25 derived']),
    );
  });
});
