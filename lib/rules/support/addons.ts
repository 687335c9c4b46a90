import type { Addon } from '../../catalog/addon-schema';
import { parseConstraint } from '../../model/semver';

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
