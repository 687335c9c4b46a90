import { loadCatalog } from '../../lib/catalog/compiled';
import { compareChanges } from '../../lib/catalog/query';
import { RELEASES, type Release } from '../../lib/model/releases';
import type { Change } from '../../lib/catalog/schema';
import { oneOf, parseStrict } from '../args';
import { EXIT, type ExitCode } from '../exit-codes';
import type { CliIo } from '../io';
import { compiledCatalogFile, dataDir } from '../paths';

const OPTIONS = {
  release: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ChangesArgs {
  release?: Release;
  json: boolean;
}

/** Parses `release-lens changes` flags; `help` when --help was given. */
export function parseChangesArgs(argv: readonly string[]): ChangesArgs | 'help' {
  const { values: v } = parseStrict(argv, OPTIONS, 'changes');
  if (v.help === true) return 'help';
  const release = v.release === undefined ? undefined : oneOf('release', v.release, RELEASES, '1.25');
  return { ...(release === undefined ? {} : { release }), json: v.json === true };
}

const COLUMNS = ['id', 'release', 'severity', 'stage', 'kep', 'title'] as const;

function cells(c: Change): Record<(typeof COLUMNS)[number], string> {
  return {
    id: c.id,
    release: c.release,
    severity: c.severity,
    stage: c.stage ?? '-',
    kep: c.kep === undefined ? '-' : `KEP-${c.kep}`,
    title: c.title,
  };
}

/** The changes as an aligned plain-text table, a header first; the last column is not padded. */
export function changesTable(changes: readonly Change[]): string {
  const rows = [Object.fromEntries(COLUMNS.map((k) => [k, k.toUpperCase()])), ...changes.map(cells)];
  const widths = COLUMNS.map((k) => Math.max(...rows.map((r) => (r[k] ?? '').length)));
  const line = (r: Record<string, string>) =>
    COLUMNS.map((k, i) => (i === COLUMNS.length - 1 ? (r[k] ?? '') : (r[k] ?? '').padEnd(widths[i] ?? 0))).join('  ');
  return `${rows.map(line).join('\n')}\n`;
}

/** `release-lens changes`: the catalog's changes, breaking first, as a table or as JSON. */
export async function runChangesCommand(args: ChangesArgs, io: CliIo): Promise<ExitCode> {
  const catalog = loadCatalog(dataDir(), compiledCatalogFile());
  const changes = catalog.changes.filter((c) => args.release === undefined || c.release === args.release);
  changes.sort(compareChanges);
  await io.stdout.write(args.json ? `${JSON.stringify(changes, null, 2)}\n` : changesTable(changes));
  return EXIT.ok;
}
