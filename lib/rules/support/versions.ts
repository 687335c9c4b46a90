/** A parsed semantic version; pre-release and build suffixes are ignored. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

/** Parses 'v1.23.4', '1.6.2-k3s1', '1.24.3-eks-abc' and similar; undefined when there is no x.y[.z]. */
export function parseVersion(text: string): Version | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** Splits a node's containerRuntimeVersion such as 'containerd://1.6.2' into runtime name and version text. */
export function parseRuntime(runtimeVersion: string): { runtime: string; version: string } {
  const i = runtimeVersion.indexOf('://');
  if (i < 0) return { runtime: runtimeVersion.toLowerCase(), version: '' };
  return { runtime: runtimeVersion.slice(0, i).toLowerCase(), version: runtimeVersion.slice(i + 3) };
}
