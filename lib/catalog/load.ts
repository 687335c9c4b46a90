import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTrustedYaml } from '../parsing/yaml-fast';
import type { z } from 'zod';
import {
  changeSchema,
  releaseSchema,
  removedApiSchema,
  type Change,
  type ReleaseInfo,
  type RemovedApi,
} from './schema';
import { addonSchema, type Addon } from './addon-schema';

/** The whole curated catalog, validated. */
export interface Catalog {
  /** A short hash of the catalog files, so a report says which catalog judged it. */
  version: string;
  releases: ReleaseInfo[];
  changes: Change[];
  removedApis: RemovedApi[];
  /** Widely used add-ons and the versions that support each release (data/addons). */
  addons: Addon[];
}

/** One problem found while validating the catalog files. */
export interface CatalogProblem {
  file: string;
  field: string;
  message: string;
}

export class CatalogError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `The catalog in data/ is invalid:\n${problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join('\n')}`,
    );
    this.name = 'CatalogError';
  }
}

function fieldOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.length === 0 ? '(root)' : issuePath.map(String).join('.');
}

/** Validates one parsed document, collecting problems instead of throwing. */
export function validateDocument<S extends z.ZodType>(
  schema: S,
  doc: unknown,
  file: string,
  problems: CatalogProblem[],
): z.output<S> | undefined {
  const result = schema.safeParse(doc);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, field: fieldOf(issue.path), message: issue.message });
  }
  return undefined;
}

function yamlReader(hash: ReturnType<typeof createHash>) {
  return (file: string): unknown => {
    const text = readFileSync(file, 'utf8');
    hash.update(text);
    return loadTrustedYaml(text);
  };
}

function listYaml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

function crossCheck(catalog: Catalog, problems: CatalogProblem[]): void {
  const seen = new Map<string, string>();
  for (const change of catalog.changes) {
    const other = seen.get(change.id);
    if (other) problems.push({ file: change.id, field: 'id', message: `duplicate id (also ${other})` });
    seen.set(change.id, change.release);
  }
  for (const api of catalog.removedApis) {
    if (!seen.has(api.changeId)) {
      problems.push({
        file: 'apis.yaml',
        field: `${api.group}/${api.version} ${api.kind}.changeId`,
        message: `unknown change id "${api.changeId}"`,
      });
    }
  }
}

/** The catalog's files in the order they are read (and hashed into its version). */
function catalogFiles(dataDir: string): string[] {
  return [
    path.join(dataDir, 'releases.yaml'),
    ...listYaml(path.join(dataDir, 'changes')),
    path.join(dataDir, 'apis.yaml'),
    ...listYaml(path.join(dataDir, 'addons')),
  ];
}

/** The version loadCatalogFrom would give the catalog under dataDir: a hash of its files, without parsing them. */
export function catalogVersionOf(dataDir: string): string {
  const hash = createHash('sha256');
  for (const file of catalogFiles(dataDir)) hash.update(readFileSync(file, 'utf8'));
  return hash.digest('hex').slice(0, 12);
}

/** Reads and validates every catalog file under dataDir; throws CatalogError listing every problem. */
export function loadCatalogFrom(dataDir: string): Catalog {
  const problems: CatalogProblem[] = [];
  const hash = createHash('sha256');
  const readYaml = yamlReader(hash);
  const rel = (f: string) => path.relative(dataDir, f);

  const releasesDoc = readYaml(path.join(dataDir, 'releases.yaml'));
  const releases = (Array.isArray(releasesDoc) ? releasesDoc : [])
    .map((d, i) => validateDocument(releaseSchema, d, `releases.yaml[${i}]`, problems))
    .filter((r): r is ReleaseInfo => r !== undefined);

  const changes: Change[] = [];
  for (const file of listYaml(path.join(dataDir, 'changes'))) {
    const change = validateDocument(changeSchema, readYaml(file), rel(file), problems);
    if (!change) continue;
    const folder = path.basename(path.dirname(file));
    if (folder !== change.release) {
      problems.push({
        file: rel(file),
        field: 'release',
        message: `is ${change.release} but the file is in ${folder}/`,
      });
    }
    if (path.basename(file, '.yaml') !== change.id) {
      problems.push({ file: rel(file), field: 'id', message: `must match the file name` });
    }
    changes.push(change);
  }

  const apisDoc = readYaml(path.join(dataDir, 'apis.yaml'));
  const removedApis = (Array.isArray(apisDoc) ? apisDoc : [])
    .map((d, i) => validateDocument(removedApiSchema, d, `apis.yaml[${i}]`, problems))
    .filter((a): a is RemovedApi => a !== undefined);

  const addons: Addon[] = [];
  for (const file of listYaml(path.join(dataDir, 'addons'))) {
    const addon = validateDocument(addonSchema, readYaml(file), rel(file), problems);
    if (!addon) continue;
    if (path.basename(file, '.yaml') !== addon.id) {
      problems.push({ file: rel(file), field: 'id', message: `must match the file name` });
    }
    addons.push(addon);
  }

  const catalog = { version: hash.digest('hex').slice(0, 12), releases, changes, removedApis, addons };
  crossCheck(catalog, problems);
  if (problems.length > 0) throw new CatalogError(problems);
  return catalog;
}
