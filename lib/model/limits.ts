/**
 * Limits of one report, shared by the scanner (which fits what it writes to them, lib/report/fit.ts) and the report
 * validator (which refuses more, lib/report/schema.ts), so every report a scan produces can be saved.
 */
export const REPORT_LIMITS = {
  /** Characters of one literal part or slot value; longer ones are cut with CUT_MARK. */
  partChars: 4000,
  /** Parts of one Text; further parts are dropped after a CUT_MARK. */
  textParts: 400,
  /** Evidence items of one finding; the last kept item says how many more there were. */
  evidence: 50,
  /** Characters of an object's kind, apiVersion, namespace or name, and of a Helm release's name or namespace. */
  refChars: 300,
  /** Characters of a finding id (rule, change and object, joined). */
  findingIdChars: 200,
  /** Characters of a rule id, a change id or a note kind. */
  idChars: 100,
  /** Characters of the source's label and server URL. */
  sourceChars: 500,
  /** Characters of a version string, the provider and a policy engine's name. */
  shortChars: 100,
  /** Characters of a file path in a finding's location. */
  pathChars: 1000,
  /** Namespaces listed on one coverage entry (read namespace by namespace). */
  coverageNamespaces: 1000,
  /** Helm releases listed with their chart, for joining a cluster with a repository. */
  helmCharts: 5000,
  /** Add-ons listed in the inventory. */
  addons: 5000,
} as const;

/** Appended where a value was cut to fit the limits. */
export const CUT_MARK = '…[cut]';
