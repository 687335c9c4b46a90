import type { Taken } from '../../../model/snapshot';
import { admits } from '../../../model/semver';

/** What a chart can ask of the cluster it is rendered for: its version and the API versions it serves. */
export interface CapabilityWorld {
  /** The release the chart is rendered for, e.g. '1.25'. */
  release: string;
  /** Whether `.Capabilities.APIVersions.Has` answers true for a group/version (or group/version/Kind). */
  served: (apiVersion: string) => boolean;
}

export type { Taken };

export const not = (a: Taken): Taken => (a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'unknown');
export const and = (...xs: Taken[]): Taken =>
  xs.includes('no') ? 'no' : xs.every((x) => x === 'yes') ? 'yes' : 'unknown';
const or = (...xs: Taken[]): Taken => (xs.includes('yes') ? 'yes' : xs.every((x) => x === 'no') ? 'no' : 'unknown');

type Expr = { str: string } | { word: string } | { list: Expr[] };

/** Splits an action body into words, quoted strings and parentheses. */
function lex(body: string): string[] {
  return body.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|[()|]|[^\s()|"`]+/g) ?? [];
}

function parseList(tokens: string[], at: { i: number }): Expr[] {
  const out: Expr[] = [];
  while (at.i < tokens.length) {
    const tok = tokens[at.i++] ?? '';
    if (tok === ')') return out;
    if (tok === '(') out.push({ list: parsePipeline(tokens, at) });
    else if (tok.startsWith('"') || tok.startsWith('`')) out.push({ str: tok.slice(1, -1) });
    else if (tok === '|') out.push({ word: '|' });
    else out.push({ word: tok });
  }
  return out;
}

/** A parenthesised pipeline; `a b | c d` becomes `c d (a b)`, as Go templates pass the value along. */
function parsePipeline(tokens: string[], at: { i: number }): Expr[] {
  const flat = parseList(tokens, at);
  const stages: Expr[][] = [[]];
  for (const e of flat) {
    if ('word' in e && e.word === '|') stages.push([]);
    else stages[stages.length - 1]?.push(e);
  }
  return stages.slice(1).reduce<Expr[]>((acc, stage) => [...stage, { list: acc }], stages[0] ?? []);
}

/** True for an argument that stands for the cluster's version: `.Capabilities.KubeVersion.Version`, `$kubeVersion`, a helper. */
function isKubeVersion(e: Expr): boolean {
  if ('word' in e) return /kube_?version/i.test(e.word);
  if ('list' in e) return e.list.some((x) => ('str' in x ? /kube_?version/i.test(x.str) : isKubeVersion(x)));
  return false;
}

const mentionsCapabilities = (body: string) => /Capabilities|kube_?version/i.test(body);

function evaluate(list: Expr[], world: CapabilityWorld): Taken {
  const [head, ...args] = list;
  if (!head) return 'unknown';
  if ('list' in head && args.length === 0) return evaluate(head.list, world);
  if (!('word' in head)) return 'unknown';
  const arg = (e: Expr | undefined): Taken => (e && 'list' in e ? evaluate(e.list, world) : 'unknown');
  switch (head.word) {
    case 'not':
      return not(arg(args[0]));
    case 'and':
      return and(...args.map(arg));
    case 'or':
      return or(...args.map(arg));
    case 'semverCompare': {
      const [constraint, version] = args;
      if (!constraint || !('str' in constraint) || !version || !isKubeVersion(version)) return 'unknown';
      const result = admits(constraint.str, world.release);
      return result === undefined ? 'unknown' : result ? 'yes' : 'no';
    }
    case '.Capabilities.APIVersions.Has': {
      const [what] = args;
      return what && 'str' in what ? (world.served(what.str) ? 'yes' : 'no') : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/**
 * Whether an `if` condition holds on the world's release. Only capability checks are decided (`semverCompare`
 * against the cluster version, `.Capabilities.APIVersions.Has`, combined with `and`, `or`, `not`); anything read
 * from values is 'unknown', since a user may set it either way.
 */
export function evaluateCondition(body: string, world: CapabilityWorld): { taken: Taken; capability: boolean } {
  const capability = mentionsCapabilities(body);
  if (!capability) return { taken: 'unknown', capability };
  return { taken: evaluate(parsePipeline(lex(body), { i: 0 }), world), capability };
}
