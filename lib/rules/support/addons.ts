import type { Addon } from '../../catalog/addon-schema';
import { parseConstraint } from '../../model/semver';
import type { Release } from '../../model/releases';
import type { AddonEntry, AddonVerdict } from '../../model/report';
import type { Container, HelmRelease, Snapshot } from '../../model/snapshot';
import { podSubjects, type PodSubject } from './subjects';

/** An image reference split into its parts; the registry defaults as the container runtime does (Docker Hub). */
export interface ImageRef {
  registry: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/path:tag@digest`; a bare `name` is `docker.io/library/name`, `org/name` is on Docker Hub. */
export function parseImage(image: string): ImageRef {
  const [withoutDigest = '', digest] = image.trim().split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const tag = colon > slash ? withoutDigest.slice(colon + 1) : undefined;
  const name = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
  const first = name.split('/')[0] ?? '';
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? name.slice(first.length + 1) : name;
  if (!hasRegistry && !path.includes('/')) path = `library/${path}`;
  return { registry, path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

const repositoryOf = (r: Pick<ImageRef, 'registry' | 'path'>) => `${r.registry}/${r.path}`;

/**
 * The add-on an image belongs to: its repository is one the table lists, or a mirror of one (another registry, or
 * a proxy path, ending with the same two or more path segments).
 */
export function addonOfImage(addons: readonly Addon[], image: ImageRef): Addon | undefined {
  const repository = repositoryOf(image);
  const exact = addons.find((a) => a.recognise.images.includes(repository));
  if (exact) return exact;
  return addons.find((a) =>
    a.recognise.images.some((listed) => {
      const path = listed.slice(listed.indexOf('/') + 1);
      return path.includes('/') && (image.path === path || image.path.endsWith(`/${path}`));
    }),
  );
}

/** The release a tag names, when it names one: `v1.3.0`, `1.8.6`, `v1.24.3-eksbuild.1` → 1.24.3; not `latest`. */
export function versionOfTag(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const m = /^v?(\d+\.\d+(?:\.\d+)?)(?:[-+._].*)?$/.exec(tag);
  return m?.[1];
}

/** How an add-on version stands against a release's range: inside, older than its first release, newer than its last. */
export type RangeVerdict = 'inside' | 'older' | 'newer';

/** The first version a range admits, from its `>=` bound: '>=1.3.0 <1.9.0' → 1.3.0. */
export function lowerBound(range: string): string | undefined {
  return /(?:^|\s)>=\s*v?(\d+(?:\.\d+){0,2})/.exec(range)?.[1];
}

const cmp = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Where a version sits against a range; undefined when the range cannot be read (the schema refuses those). */
export function rangeVerdict(range: string, version: string): RangeVerdict | undefined {
  const test = parseConstraint(range);
  if (!test) return undefined;
  if (test(version)) return 'inside';
  const low = lowerBound(range);
  return low !== undefined && cmp(version, low) < 0 ? 'older' : 'newer';
}

const VERSION_LABEL = 'app.kubernetes.io/version';

/** Why an add-on's version could not be read. */
export type UnknownVersion = 'digest' | 'not-a-version' | 'no-label';

/** An add-on's version and where it was read, or why it could not be. */
export type AddonVersionRead = { version: string; from: 'tag' | 'label' | 'chart' } | { unknown: UnknownVersion };

/** One add-on found in one workload (or bare pod), with the container that identifies it and its version. */
export interface DetectedAddon {
  subject: PodSubject;
  container: Container;
  addon: Addon;
  read: AddonVersionRead;
}

function releaseOf(s: PodSubject, releases: readonly HelmRelease[]): HelmRelease | undefined {
  const r = s.helmRelease;
  return r ? releases.find((h) => h.name === r.name && h.namespace === r.namespace) : undefined;
}

/**
 * Reads an add-on's version: the image tag; for a digest-pinned image the app.kubernetes.io/version label, then
 * the Helm chart's appVersion; for add-ons whose images carry their own versions (Flux), the label or the chart.
 */
export function readAddonVersion(
  addon: Addon,
  image: ImageRef,
  s: PodSubject,
  releases: readonly HelmRelease[],
  byChart = false,
): AddonVersionRead {
  const fromLabel = versionOfTag(s.metadata.labels[VERSION_LABEL] ?? s.podLabels[VERSION_LABEL]);
  const release = releaseOf(s, releases)?.current;
  const fromChart =
    release && addon.recognise.charts.includes(release.chart ?? '') ? versionOfTag(release.appVersion) : undefined;
  if (addon.version.from === 'app-version' || byChart) {
    if (fromLabel) return { version: fromLabel, from: 'label' };
    if (fromChart) return { version: fromChart, from: 'chart' };
    return { unknown: 'no-label' };
  }
  const fromTag = versionOfTag(image.tag);
  if (fromTag) return { version: fromTag, from: 'tag' };
  if (fromLabel) return { version: fromLabel, from: 'label' };
  if (fromChart) return { version: fromChart, from: 'chart' };
  return { unknown: image.tag === undefined && image.digest ? 'digest' : 'not-a-version' };
}

/** The chart a subject was installed from: its helm.sh/chart label (name-version), else its Helm release's record. */
export function chartOf(s: PodSubject, releases: readonly HelmRelease[]): string | undefined {
  const label = s.metadata.labels['helm.sh/chart'];
  if (label) return /^(.+?)-v?\d+\.\d+\.\d+.*$/.exec(label)?.[1] ?? label;
  return releaseOf(s, releases)?.current?.chart;
}

interface Found {
  addon: Addon;
  container: Container;
  /** Recognised by its chart or labels rather than its image: the image may be a private build, its tag says nothing. */
  byChart: boolean;
}

/** True when every label of a selector is on the workload or on its pods. */
function selects(selector: Readonly<Record<string, string>>, s: PodSubject): boolean {
  return Object.entries(selector).every(([k, v]) => s.metadata.labels[k] === v || s.podLabels[k] === v);
}

/**
 * The add-ons a subject runs, each once: by image (a main container preferred), else by the Helm chart it was
 * installed from or by the table's label selectors, for add-ons built into private images.
 */
function addonsOf(
  s: PodSubject,
  addons: readonly Addon[],
  releases: readonly HelmRelease[],
  ofImage: (image: string) => Addon | undefined,
): Found[] {
  const found = new Map<string, Found>();
  for (const c of s.spec.containers) {
    if (c.role === 'ephemeral') continue;
    const addon = ofImage(c.image);
    if (!addon) continue;
    const known = found.get(addon.id);
    if (!known || (known.container.role !== 'container' && c.role === 'container'))
      found.set(addon.id, { addon, container: c, byChart: false });
  }
  if (found.size > 0) return [...found.values()];
  const chart = chartOf(s, releases);
  const addon =
    (chart === undefined ? undefined : addons.find((a) => a.recognise.charts.includes(chart))) ??
    addons.find((a) => a.recognise.labels.some((selector) => selects(selector, s)));
  const container = s.spec.containers.find((c) => c.role === 'container') ?? s.spec.containers[0];
  return addon && container ? [{ addon, container, byChart: true }] : [];
}

/** Found once per snapshot and table: the check and the report's inventory both read them. */
const DETECTED = new WeakMap<Snapshot, { addons: readonly Addon[]; found: readonly DetectedAddon[] }>();

/** Every add-on of the snapshot's workloads and bare pods (pods of a known controller are its template's). */
export function detectAddons(snapshot: Snapshot, addons: readonly Addon[]): readonly DetectedAddon[] {
  if (addons.length === 0) return [];
  const known = DETECTED.get(snapshot);
  if (known?.addons === addons) return known.found;
  const found = findAddons(snapshot, addons);
  DETECTED.set(snapshot, { addons, found });
  return found;
}

function findAddons(snapshot: Snapshot, addons: readonly Addon[]): DetectedAddon[] {
  // Thousands of pods run the same few images: each image string is looked up once.
  const byImage = new Map<string, Addon | undefined>();
  const ofImage = (image: string): Addon | undefined => {
    if (byImage.has(image)) return byImage.get(image);
    const addon = addonOfImage(addons, parseImage(image));
    byImage.set(image, addon);
    return addon;
  };
  return podSubjects(snapshot)
    .filter((s) => !s.coveredByOwner)
    .flatMap((s) =>
      addonsOf(s, addons, snapshot.helmReleases, ofImage).map(({ addon, container, byChart }) => ({
        subject: s,
        container,
        addon,
        read: readAddonVersion(addon, parseImage(container.image), s, snapshot.helmReleases, byChart),
      })),
    );
}

/** The add-on inventory of a snapshot, as a report lists it: each add-on's version and standing per release. */
export function addonInventory(
  snapshot: Snapshot,
  addons: readonly Addon[],
  releases: readonly Release[],
): AddonEntry[] {
  return detectAddons(snapshot, addons).map(({ subject, addon, read }) => ({
    object: subject.ref,
    addon: addon.id,
    name: addon.name,
    ...('unknown' in read ? { unknown: read.unknown } : { version: read.version, versionFrom: read.from }),
    releases: releases.map((release) => {
      const row = addon.support.find((s) => s.kubernetes === release);
      const verdict: AddonVerdict =
        row === undefined
          ? 'no-statement'
          : 'unknown' in read
            ? 'unknown'
            : (rangeVerdict(row.versions, read.version) ?? 'unknown');
      return {
        release,
        ...(row ? { range: row.versions } : {}),
        verdict,
        // A range that is not the project's statement: outside it is worth a look, not a break.
        ...(row && row.basis !== 'statement' ? { basis: row.basis } : {}),
      };
    }),
  }));
}
