/**
 * The version constraints Helm charts write (`kubeVersion` in Chart.yaml, `semverCompare` in templates), evaluated
 * against a Kubernetes release. Covers the forms charts use: comparisons (`>=1.21-0`, `<1.25.0`), `~`, `^`, `x`
 * wildcards, hyphen ranges, `,` or space for "and", `||` for "or". Prerelease suffixes (`-0`) only widen a bound to
 * prereleases, which a release version is not, so they are dropped.
 */

type Version = [number, number, number];

interface Partial {
  parts: number[];
}

const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function parsePartial(text: string): Partial | undefined {
  const core = text.trim().replace(/^v/, '').split(/[-+]/)[0] ?? '';
  if (core === '' || core === '*' || core === 'x' || core === 'X') return { parts: [] };
  const parts: number[] = [];
  for (const piece of core.split('.')) {
    if (piece === 'x' || piece === 'X' || piece === '*') break;
    if (!/^\d+$/.test(piece)) return undefined;
    parts.push(Number(piece));
  }
  return parts.length > 3 ? undefined : { parts };
}

const floor = (p: Partial): Version => [p.parts[0] ?? 0, p.parts[1] ?? 0, p.parts[2] ?? 0];

/** The first version above every version the partial names: 1.24 → 1.25.0, 1 → 2.0.0, 1.24.3 → 1.24.4. */
function ceiling(p: Partial): Version | undefined {
  const [a, b, c] = p.parts;
  if (a === undefined) return undefined;
  if (b === undefined) return [a + 1, 0, 0];
  if (c === undefined) return [a, b + 1, 0];
  return [a, b, c + 1];
}

type Test = (v: Version) => boolean;

const within =
  (lo: Version, hi: Version | undefined): Test =>
  (v) =>
    cmp(v, lo) >= 0 && (!hi || cmp(v, hi) < 0);

function comparison(op: string, p: Partial): Test | undefined {
  const lo = floor(p);
  const hi = ceiling(p);
  switch (op) {
    case '':
    case '=':
      return within(lo, hi);
    case '!=':
      return (v) => !within(lo, hi)(v);
    case '>':
      return hi ? (v) => cmp(v, hi) >= 0 : () => false;
    case '>=':
    case '=>':
      return (v) => cmp(v, lo) >= 0;
    case '<':
      return (v) => cmp(v, lo) < 0;
    case '<=':
    case '=<':
      return hi ? (v) => cmp(v, hi) < 0 : () => true;
    case '~':
    case '~>': {
      // ~1.24.3 allows 1.24.x from .3; ~1 allows 1.x.
      const top: Version | undefined =
        p.parts.length >= 2 ? [lo[0], lo[1] + 1, 0] : p.parts.length === 1 ? [lo[0] + 1, 0, 0] : undefined;
      return within(lo, top);
    }
    case '^': {
      // ^1.2 allows below 2.0.0; ^0.3 below 0.4.0.
      const top: Version | undefined =
        p.parts.length === 0 ? undefined : lo[0] > 0 ? [lo[0] + 1, 0, 0] : [0, lo[1] + 1, 0];
      return within(lo, top);
    }
    default:
      return undefined;
  }
}

/** One "and" group: `>=1.19.0-0 <1.25.0`, `>=1.19, <1.25`, or a hyphen range `1.19 - 1.24`. */
function group(text: string): Test | undefined {
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (hyphen) {
    const from = parsePartial(hyphen[1] ?? '');
    const to = parsePartial(hyphen[2] ?? '');
    if (!from || !to) return undefined;
    return within(floor(from), ceiling(to));
  }
  // Operators may be separated from their version by spaces ("> = 1.2" is not a thing, ">= 1.2" is).
  const terms = text
    .replace(/(>=|<=|=>|=<|!=|~>|[<>=~^])\s+/g, '$1')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (terms.length === 0) return undefined;
  const tests: Test[] = [];
  for (const term of terms) {
    const m = /^(>=|<=|=>|=<|!=|~>|[<>=~^])?(.*)$/.exec(term);
    const p = parsePartial(m?.[2] ?? '');
    const test = p ? comparison(m?.[1] ?? '', p) : undefined;
    if (!test) return undefined;
    tests.push(test);
  }
  return (v) => tests.every((test) => test(v));
}

/** A constraint's test, or undefined when it is not one this reader understands. */
export function parseConstraint(text: string): ((version: string) => boolean) | undefined {
  const groups = text.split('||').map(group);
  if (groups.length === 0 || groups.some((g) => g === undefined)) return undefined;
  return (version) => {
    const p = parsePartial(version);
    if (!p || p.parts.length === 0) return false;
    const v = floor(p);
    return groups.some((g) => g?.(v) === true);
  };
}

/** Whether a Kubernetes release (`1.25`, read as 1.25.0) satisfies a constraint; undefined when unreadable. */
export function admits(constraint: string, release: string): boolean | undefined {
  return parseConstraint(constraint)?.(release);
}
