/**
 * Redaction by construction, checked from the outside: reports built from the demo cluster, from every harness
 * scenario and from clusters renamed at random are redacted, rendered in every output a person can get (the
 * report page, the printout, JSON, Markdown, the pull-request comment, CSV, SARIF, the CLI summary), and searched
 * for the names they started from.
 *
 * Each identity of a cluster is renamed to a marker no text of ours can contain (zz<i>zz-<name>), so a marker in
 * any output is a leak, whatever path it took. Names that are also ordinary words of our prose ("cluster",
 * "image") cannot be searched for directly: for those the test compares how often the word appears against the
 * same cluster with markers in their place. A leak makes the word more frequent.
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../lib/model/snapshot';
import { redactReport } from '../../lib/report/redact';
import { loadDemoSnapshot } from '../../lib/sources/demo/load';
import { parseOfflineSnapshot } from '../../lib/sources/offline/parse';
import { allScenarios } from '../cluster-harness/scenarios';
import { dataDir, identitiesOf, leaks, markers, outputs, rename, salt, scan } from './leak-check';

function scenarioSnapshot(): Snapshot {
  const items = allScenarios.flatMap((s) => [
    ...s.namespaces.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
    ...s.objects.map((o) => o.manifest),
  ]);
  const result = parseOfflineSnapshot([
    { name: 'scenarios.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) },
  ]);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.snapshot;
}

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const sources: [string, () => Snapshot][] = [
  ['the demo cluster', () => loadDemoSnapshot(dataDir)],
  ['every harness scenario', scenarioSnapshot],
];

describe('redacted reports name no identity of the cluster, in any output', () => {
  for (const [label, load] of sources) {
    it(`for ${label}`, () => {
      const base = load();
      const original = scan(base);
      const names = markers(identitiesOf(original));
      expect(names.size).toBeGreaterThan(20);
      const renamed = scan(rename(base, names));
      // The renamed cluster must still say as much, or the test would check little.
      expect(renamed.findings.length).toBeGreaterThanOrEqual(Math.floor(original.findings.length * 0.9));
      expect(leaks(outputs(redactReport(renamed, { salt })))).toEqual([]);
      // And the unredacted outputs do carry the markers: the search works.
      expect(leaks(outputs(renamed)).length).toBeGreaterThan(names.size);
    });
  }

  it.each([1, 2, 3])(
    'for the demo cluster renamed at random (seed %i), names that are ordinary words included',
    (seed) => {
      const base = loadDemoSnapshot(dataDir);
      const ids = identitiesOf(scan(base));
      const rand = random(seed);
      const pick = [...ids].filter(([v, k]) => (k === 'namespace' || k === 'name') && /^[a-z0-9-]+$/.test(v));
      pick.sort(() => rand() - 0.5);
      const words = ['cluster', 'upgrade', 'image', 'version', 'label', 'pods'];
      const chosen = new Map(pick.slice(0, words.length).map(([v], i) => [v, words[i] ?? 'x']));

      const withMarkers = markers(ids);
      const withWords = new Map([...withMarkers].map(([v, m]) => [v, chosen.get(v) ?? m]));
      const outMarkers = outputs(redactReport(scan(rename(base, withMarkers)), { salt }));
      const outWords = outputs(redactReport(scan(rename(base, withWords)), { salt }));
      expect(leaks(outWords)).toEqual([]);
      const count = (word: string, all: Record<string, string>) =>
        Object.values(all).reduce(
          (n, text) => n + [...text.matchAll(new RegExp(`(^|[^A-Za-z0-9-])${word}([^A-Za-z0-9-]|$)`, 'g'))].length,
          0,
        );
      for (const word of chosen.values()) expect(count(word, outWords), word).toBe(count(word, outMarkers));
    },
  );
});
