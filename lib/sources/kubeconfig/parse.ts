import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../errors';
import { yamlOverBudget } from '../../parsing/yaml-shape';
import { toKubeconfig, type Kubeconfig } from './model';
import { rawKubeconfigSchema } from './schema';

export interface ParseKubeconfigOptions {
  /** Refuse input larger than this many bytes (RELEASE_LENS_MAX_KUBECONFIG_BYTES). */
  maxBytes: number;
  /** What to call the input in messages, e.g. 'the uploaded kubeconfig' or a file path. */
  label?: string;
}

const kib = (bytes: number): string => `${Math.ceil(bytes / 1024)} KiB`;

/** 'clusters[0].cluster.server' from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out === '' ? String(key) : `${out}.${String(key)}`;
  }, '');
}

function invalid(label: string, issue: z.core.$ZodIssue): AppError {
  const field = fieldPath(issue.path);
  // zod's own messages name types, never values, so no secret can leak through them.
  return new AppError(
    'invalid-input',
    `${label} is not a valid kubeconfig: ${field || 'the document'}: ${issue.message}.`,
    field,
  );
}

/**
 * The offset of the first key that repeats within its mapping, in one pass with a set per mapping. (The YAML
 * library's own uniqueKeys check compares each key with every earlier one: quadratic in a mapping's size.)
 */
export function firstDuplicateKey(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key: unknown = pair.key.value;
        if (seen.has(key)) {
          found = pair.key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** A kubeconfig is a few small mappings: far inside these, so the parser never meets a hostile shape. */
const KUBECONFIG_SHAPE = { nodes: 100_000, depth: 32, stringBytes: 256 * 1024 };

function parseYaml(text: string, label: string): unknown {
  const refused = yamlOverBudget(text, KUBECONFIG_SHAPE);
  if (refused !== undefined) {
    throw new AppError(
      'invalid-input',
      `${label} has a shape no kubeconfig has: ${refused.replace(/ \(RELEASE_LENS_[A-Z_]+\)/, '')}.`,
    );
  }
  const lineCounter = new LineCounter();
  // prettyErrors would quote the offending source line, which may hold a token.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `(line ${line}, column ${col})`;
  };
  if (error) {
    const what = error.message.split('\n')[0]?.slice(0, 160) ?? error.code;
    throw new AppError('invalid-input', `${label} is not valid YAML or JSON: ${what} ${at(error.pos[0])}.`);
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined) {
    throw new AppError(
      'invalid-input',
      `${label} is not valid YAML or JSON: a key appears twice in one mapping ${at(duplicate)}.`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch {
    throw new AppError('invalid-input', `${label} could not be read: it uses too many YAML aliases.`);
  }
}

/**
 * Parses kubeconfig text (YAML or JSON) into the typed model, checking its size first. Errors say where the problem is
 * and never quote the input, since it holds credentials.
 */
export function parseKubeconfig(text: string, options: ParseKubeconfigOptions): Kubeconfig {
  const label = options.label ?? 'The kubeconfig';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > options.maxBytes) {
    throw new AppError(
      'too-large',
      `${label} is ${kib(bytes)}; the limit is ${kib(options.maxBytes)} (RELEASE_LENS_MAX_KUBECONFIG_BYTES). ` +
        'Export just the context you want with `kubectl config view --minify --flatten`.',
    );
  }
  if (text.trim() === '') throw new AppError('invalid-input', `${label} is empty.`);
  const data = parseYaml(text, label);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError(
      'invalid-input',
      `${label} is not a kubeconfig: expected a mapping with clusters, users and contexts.`,
    );
  }
  const result = rawKubeconfigSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue) throw invalid(label, issue);
  }
  if (!result.success) throw new AppError('invalid-input', `${label} is not a valid kubeconfig.`);
  return toKubeconfig(result.data);
}
