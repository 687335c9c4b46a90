import { and, evaluateCondition, not, type CapabilityWorld, type Taken } from './conditions';
import { stringLiterals, tokenize, type TemplateToken } from './tokens';

/** A file of a chart, as read from the repository. */
export interface ChartFile {
  path: string;
  text: string;
}

/** An apiVersion a template can produce, on one of its branches, with where it is written. */
export interface TemplateApi {
  path: string;
  line: number;
  column: number;
  apiVersion: string;
  /** The document's literal kind; undefined when the template computes it. */
  kind?: string;
  /** The document's metadata.name as written: a literal, or the template expression. */
  name: string;
  /** Whether the branch that yields this apiVersion is taken when the chart is rendered for the world's release. */
  taken: Taken;
  /** The capability condition that decides it, as written in the template. */
  condition?: string;
  /** The helper that returns this apiVersion, and where it is defined. */
  helper?: { name: string; path: string; line: number };
}

const API_VERSION = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\/)?v\d+(?:(?:alpha|beta)\d+)?$/;

interface Branch {
  taken: Taken;
  condition?: string;
}

/** The state of one `if`/`with`/`range`/`define` block while the tokens are walked. */
interface Frame {
  branch: Branch;
  /** For `if` chains: whether every earlier branch was not taken (what an `else` inherits). */
  rest: Taken;
  restCondition?: string;
  define?: string;
}

interface Candidate {
  apiVersion: string;
  branch: Branch;
  offset: number;
  /** The line of a helper's literal, in the helper's file. */
  line?: number;
}

export interface Helper {
  path: string;
  offset: number;
  literals: Candidate[];
  includes: { name: string; branch: Branch }[];
}

const keyword = (body: string) => /^(\w+)/.exec(body)?.[1] ?? '';

/** The branch in force: taken only when every enclosing block is, citing the innermost deciding condition. */
function current(frames: readonly Frame[]): Branch {
  const taken = and(...frames.map((f) => f.branch.taken));
  const decider = [...frames].reverse().find((f) => f.branch.condition !== undefined && f.branch.taken === taken);
  return { taken, ...(decider?.branch.condition ? { condition: decider.branch.condition } : {}) };
}

/** Applies a control action to the block stack; false when the action is not control flow. */
function control(frames: Frame[], body: string, world: CapabilityWorld): boolean {
  const word = keyword(body);
  if (word === 'if') {
    const cond = body.slice(2).trim();
    const { taken, capability } = evaluateCondition(cond, world);
    frames.push({
      branch: { taken, ...(capability ? { condition: cond } : {}) },
      rest: not(taken),
      ...(capability ? { restCondition: `not (${cond})` } : {}),
    });
    return true;
  }
  if (word === 'else') {
    const frame = frames[frames.length - 1];
    if (!frame) return true;
    const rest = body.slice(4).trim();
    if (rest.startsWith('if ')) {
      const cond = rest.slice(3).trim();
      const { taken, capability } = evaluateCondition(cond, world);
      const condition = capability ? cond : frame.restCondition;
      frame.branch = { taken: and(frame.rest, taken), ...(condition ? { condition } : {}) };
      frame.rest = and(frame.rest, not(taken));
      if (capability)
        frame.restCondition = frame.restCondition ? `${frame.restCondition} and not (${cond})` : `not (${cond})`;
    } else {
      frame.branch = { taken: frame.rest, ...(frame.restCondition ? { condition: frame.restCondition } : {}) };
    }
    return true;
  }
  if (word === 'with' || word === 'range') {
    frames.push({ branch: { taken: 'yes' }, rest: 'yes' });
    return true;
  }
  if (word === 'define' || word === 'block') {
    frames.push({ branch: { taken: 'yes' }, rest: 'yes', define: stringLiterals(body)[0] ?? '' });
    return true;
  }
  if (word === 'end') {
    frames.pop();
    return true;
  }
  return false;
}

/** The helper an `include "name" .` or `template "name" .` action calls, if any. */
function includedHelper(body: string): string | undefined {
  const m = /(?:^|[\s(])(?:include|template)\s+"([^"]+)"/.exec(body);
  return m?.[1];
}

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The helpers a set of chart files define (`{{ define "name" }}`), with every apiVersion literal in their branches. */
export function collectHelpers(files: readonly ChartFile[], world: CapabilityWorld): Map<string, Helper> {
  const helpers = new Map<string, Helper>();
  for (const file of files) {
    if (!file.text.includes('define')) continue;
    const frames: Frame[] = [];
    let helper: Helper | undefined;
    for (const token of tokenize(file.text)) {
      const inside = frames.findIndex((f) => f.define !== undefined);
      if (token.type === 'action') {
        const before = frames.length;
        if (control(frames, token.body, world)) {
          const opened = frames[frames.length - 1];
          if (frames.length > before && opened?.define !== undefined && inside < 0) {
            helper = { path: file.path, offset: token.offset, literals: [], includes: [] };
            helpers.set(opened.define, helper);
          }
          if (frames.every((f) => f.define === undefined)) helper = undefined;
          continue;
        }
        if (!helper) continue;
        const branch = current(frames);
        const included = includedHelper(token.body);
        if (included !== undefined) helper.includes.push({ name: included, branch });
        for (const literal of stringLiterals(token.body)) {
          if (API_VERSION.test(literal)) {
            const { line } = position(file.text, token.offset);
            helper.literals.push({ apiVersion: literal, branch, offset: token.offset, line });
          }
        }
      } else if (helper) {
        const branch = current(frames);
        for (const m of token.text.matchAll(/[^\s"'`]+/g)) {
          if (API_VERSION.test(m[0])) {
            const offset = token.offset + (m.index ?? 0);
            helper.literals.push({ apiVersion: m[0], branch, offset, line: position(file.text, offset).line });
          }
        }
      }
    }
  }
  return helpers;
}

/** Every apiVersion a helper can return, following the helpers it includes (to a small depth, without cycles). */
function expandHelper(
  name: string,
  helpers: ReadonlyMap<string, Helper>,
  outer: Branch,
  seen: ReadonlySet<string> = new Set(),
): { candidate: Candidate; helper: string; path: string }[] {
  const helper = helpers.get(name);
  if (!helper || seen.has(name) || seen.size > 8) return [];
  const next = new Set(seen).add(name);
  const combine = (b: Branch): Branch => {
    const taken = and(outer.taken, b.taken);
    const condition = b.taken === taken && b.condition ? b.condition : outer.condition;
    return { taken, ...(condition ? { condition } : {}) };
  };
  return [
    ...helper.literals.map((c) => ({
      candidate: { ...c, branch: combine(c.branch) },
      helper: name,
      path: helper.path,
    })),
    ...helper.includes.flatMap((i) => expandHelper(i.name, helpers, combine(i.branch), next)),
  ];
}

/** The documents of a template: [start, end) offsets split at `---` lines. */
function documentRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/^---[ \t]*(?:#.*)?$/gm)) {
    ranges.push([start, m.index ?? 0]);
    start = (m.index ?? 0) + m[0].length;
  }
  ranges.push([start, text.length]);
  return ranges;
}

function documentFacts(text: string, offset: number): { kind?: string; name: string } {
  const range = documentRanges(text).find(([a, b]) => offset >= a && offset < b) ?? [0, text.length];
  const doc = text.slice(range[0], range[1]);
  const kind = /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?$/m.exec(doc)?.[1];
  const metadata = /^metadata:[ \t]*\n((?:[ \t]+.*\n?|[ \t]*\n)*)/m.exec(doc)?.[1] ?? '';
  const name = /^[ \t]{1,4}name:[ \t]*(.+?)[ \t]*$/m.exec(metadata)?.[1]?.replace(/^["']|["']$/g, '') ?? '';
  return { ...(kind ? { kind } : {}), name };
}

/** An `apiVersion:` key at the start of a line, its value still to be read from the following tokens. */
interface Capture {
  offset: number;
  values: Candidate[];
  helpers: { name: string; branch: Branch }[];
}

function literalValues(text: string, branch: Branch, offset: number): Candidate[] {
  const value = text
    .replace(/#.*$/, '')
    .trim()
    .replace(/^["']|["']$/g, '');
  return API_VERSION.test(value) ? [{ apiVersion: value, branch, offset }] : [];
}

/**
 * Reads every `apiVersion` a chart's templates can produce, on every branch, without rendering: literal values,
 * values chosen by `if`/`else` around them (on the line or around the whole document), and values returned by
 * helpers in any `.tpl` file of the chart. Each is graded by whether its branch is taken when the chart is rendered
 * for the world's release, so a removed version behind `semverCompare "<1.25-0"` reads as the old-cluster side.
 */
export function readTemplateApis(
  templates: readonly ChartFile[],
  helpers: ReadonlyMap<string, Helper>,
  world: CapabilityWorld,
): TemplateApi[] {
  const out: TemplateApi[] = [];
  for (const file of templates) {
    const tokens: TemplateToken[] = tokenize(file.text);
    const frames: Frame[] = [];
    let capture: Capture | undefined;
    const finish = () => {
      if (!capture) return;
      const at = position(file.text, capture.offset);
      const facts = documentFacts(file.text, capture.offset);
      const base = { path: file.path, line: at.line, column: at.column, ...facts };
      for (const v of capture.values) {
        out.push({ ...base, apiVersion: v.apiVersion, ...branchFields(v.branch) });
      }
      for (const h of capture.helpers) {
        for (const e of expandHelper(h.name, helpers, h.branch)) {
          out.push({
            ...base,
            apiVersion: e.candidate.apiVersion,
            ...branchFields(e.candidate.branch),
            helper: { name: e.helper, path: e.path, line: e.candidate.line ?? 1 },
          });
        }
      }
      capture = undefined;
    };
    for (const token of tokens) {
      if (token.type === 'action') {
        if (control(frames, token.body, world)) continue;
        if (!capture || frames.some((f) => f.define !== undefined)) continue;
        const branch = current(frames);
        const helper = includedHelper(token.body);
        if (helper !== undefined) capture.helpers.push({ name: helper, branch });
        else {
          // `default "policy/v1beta1" .Values.x`, `ternary "a" "b" cond`: each literal is a possible value.
          for (const literal of stringLiterals(token.body)) {
            if (API_VERSION.test(literal)) {
              capture.values.push({
                apiVersion: literal,
                branch: { ...branch, taken: and(branch.taken, 'unknown') },
                offset: token.offset,
              });
            }
          }
        }
        continue;
      }
      if (frames.some((f) => f.define !== undefined)) continue;
      let text = token.text;
      let offset = token.offset;
      while (text.length > 0) {
        if (capture) {
          const nl = text.indexOf('\n');
          const piece = nl < 0 ? text : text.slice(0, nl);
          capture.values.push(...literalValues(piece, current(frames), offset));
          if (nl < 0) break;
          finish();
          text = text.slice(nl);
          offset += nl;
          continue;
        }
        const m = /(?:^|\n)apiVersion:[ \t]*/.exec(text);
        const lineStart = m ? m.index + (m[0].startsWith('\n') ? 1 : 0) : -1;
        // A key at column 0 only: nested apiVersion fields (scaleTargetRef, ownerReferences) are not the object's.
        if (!m || (lineStart === 0 && offset > 0 && file.text[offset - 1] !== '\n')) {
          if (m && lineStart === 0) {
            text = text.slice(m[0].length);
            offset += m[0].length;
            continue;
          }
          break;
        }
        capture = { offset: offset + lineStart, values: [], helpers: [] };
        const consumed = m.index + m[0].length;
        text = text.slice(consumed);
        offset += consumed;
      }
    }
    finish();
  }
  return out;
}

function branchFields(branch: Branch): Pick<TemplateApi, 'taken' | 'condition'> {
  return { taken: branch.taken, ...(branch.condition ? { condition: branch.condition } : {}) };
}
