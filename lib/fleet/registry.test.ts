import { describe, expect, it } from 'vitest';
import { parseRegistry } from './registry';

const parse = (text: string) => parseRegistry(text, '/etc/release-lens/clusters.yaml');

describe('parseRegistry', () => {
  it('reads scheduled, agent and in-cluster registrations, with paths relative to the file', () => {
    const clusters = parse(`
clusters:
  - id: prod-eu
    name: Production EU
    kubeconfig: secrets/prod-eu.kubeconfig
    context: admin@prod-eu
    every: 6h
  - id: edge-7
    uploadTokenFile: /var/run/tokens/edge-7
    target: "1.24"
  - id: home
    inCluster: true
    every: 30m
`);
    expect(clusters).toEqual([
      {
        id: 'prod-eu',
        name: 'Production EU',
        target: '1.25',
        access: { kind: 'kubeconfig', file: '/etc/release-lens/secrets/prod-eu.kubeconfig', context: 'admin@prod-eu' },
        everyMs: 21_600_000,
      },
      { id: 'edge-7', name: 'edge-7', target: '1.24', uploadTokenFile: '/var/run/tokens/edge-7' },
      { id: 'home', name: 'home', target: '1.25', access: { kind: 'in-cluster' }, everyMs: 1_800_000 },
    ]);
  });

  it('an empty file registers nothing', () => {
    expect(parse('')).toEqual([]);
  });

  it.each([
    ['clusters:\n  - id: Prod\n    inCluster: true', 'clusters[0].id'],
    ['clusters:\n  - id: a\n    inCluster: true\n    every: soon', 'clusters[0].every: must be a duration'],
    ['clusters:\n  - id: a\n    inCluster: true\n    every: 1s', 'between 10s and 7d'],
    ['clusters:\n  - id: a\n    uploadTokenFile: t\n    every: 1h', 'a schedule needs kubeconfig'],
    ['clusters:\n  - id: a', 'give kubeconfig or inCluster'],
    ['clusters:\n  - id: a\n    inCluster: true\n    kubeconfig: k', 'not both'],
    ['clusters:\n  - id: a\n    inCluster: true\n    context: c', 'a context needs a kubeconfig'],
    ['clusters:\n  - id: a\n    inCluster: true\n    target: "1.30"', 'clusters[0].target'],
    ['clusters:\n  - id: a\n    inCluster: true\n    token: x', 'clusters[0]: Unrecognized key'],
    ['clusters:\n  - id: a\n    inCluster: true\n  - id: a\n    inCluster: true', 'registered twice'],
    ['clusters: [', 'is not YAML'],
    ['- a\n- b', '(root)'],
  ])('refuses %j with a message naming the field', (text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('refuses YAML aliases (no expansion bombs)', () => {
    expect(() => parse('a: &x [1]\nclusters: *x')).toThrow(/not YAML/);
  });
});
