import { currentChangeId } from '../model/catalog';
import type { Text } from '../model/text';

/**
 * Reports written before sentences carried slots (schema version 1) held plain strings where version 2 holds
 * Texts. This turns such a document into version 2 so it can be validated, shown and exported; the strings become
 * single literal parts. Anything else passes through unchanged for the validator to judge.
 */
export function upgradeReportDocument(input: unknown): unknown {
  return addonBasis(renameChanges(upgradeVersion1(input)));
}

/** Add-on steps saved before ranges had a basis said `reference: true`; they now say `basis: 'reference'`. */
function addonBasis(input: unknown): unknown {
  if (!isRecord(input) || !Array.isArray(input.addons)) return input;
  const legacy = (step: unknown) => isRecord(step) && step.reference === true && step.basis === undefined;
  const addons = input.addons as unknown[];
  if (!addons.some((a) => isRecord(a) && Array.isArray(a.releases) && (a.releases as unknown[]).some(legacy)))
    return input;
  const step = (s: unknown) => {
    if (!legacy(s)) return s;
    const { reference: _legacy, ...rest } = s as Record<string, unknown>;
    return { ...rest, basis: 'reference' };
  };
  return {
    ...input,
    addons: addons.map((a) =>
      isRecord(a) && Array.isArray(a.releases) ? { ...a, releases: (a.releases as unknown[]).map(step) } : a,
    ),
  };
}

/** Reports name changes by id; a renamed id (RENAMED_CHANGE_IDS) is read as its current one. */
function renameChanges(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const renamed = (item: unknown) =>
    isRecord(item) && typeof item.changeId === 'string' && currentChangeId(item.changeId) !== item.changeId;
  const any = (v: unknown) => Array.isArray(v) && (v as unknown[]).some(renamed);
  if (!any(input.findings) && !any(input.changes)) return input;
  const rename = (item: unknown) =>
    isRecord(item) && typeof item.changeId === 'string' ? { ...item, changeId: currentChangeId(item.changeId) } : item;
  const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]).map(rename) : v);
  return { ...input, findings: list(input.findings), changes: list(input.changes) };
}

function upgradeVersion1(input: unknown): unknown {
  if (!isRecord(input) || input.schemaVersion !== 1) return input;
  const asText = (v: unknown): unknown => (typeof v === 'string' ? ([v] satisfies Text) : v);
  const mapEach = (list: unknown, f: (item: Record<string, unknown>) => Record<string, unknown>): unknown =>
    Array.isArray(list) ? (list as unknown[]).map((item) => (isRecord(item) ? f(item) : item)) : list;
  const withText = (item: Record<string, unknown>, ...keys: string[]) => {
    const out = { ...item };
    for (const k of keys) if (k in out) out[k] = asText(out[k]);
    return out;
  };
  const cluster = isRecord(input.cluster) ? withText(input.cluster, 'providerEvidence') : input.cluster;
  return {
    ...input,
    schemaVersion: 2,
    cluster,
    findings: mapEach(input.findings, (f) => ({
      ...withText(f, 'message', 'remediation'),
      evidence: mapEach(f.evidence, (e) => withText(e, 'path', 'value', 'detail')),
    })),
    changes: mapEach(input.changes, (c) => withText(c, 'reason')),
    rules: mapEach(input.rules, (r) => withText(r, 'message')),
    coverage: mapEach(input.coverage, (c) => withText(c, 'message')),
    notes: mapEach(input.notes, (n) => withText(n, 'message')),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
