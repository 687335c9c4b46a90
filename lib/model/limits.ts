/**
 * Limits of one report, shared by the scanner (which clamps what it writes) and the report validator (which refuses
 * more), so every report a scan produces can be saved.
 */
export const REPORT_LIMITS = {
  /** Characters of one literal part or slot value; longer ones are cut with CUT_MARK. */
  partChars: 4000,
  /** Parts of one Text; further parts are dropped after a CUT_MARK. */
  textParts: 400,
  /** Evidence items of one finding. */
  evidence: 50,
  /** Characters of an object's kind, apiVersion, namespace or name. */
  refChars: 300,
} as const;

/** Appended where a value was cut to fit the limits. */
export const CUT_MARK = '…[cut]';
