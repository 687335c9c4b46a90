import type { Evidence } from '../../model/finding';
import { buildReplacer, type TextReplacer } from './text';

/** Shown in free text where a dropped value stood. */
export const DROPPED_VALUE = '[redacted]';

const IMAGE_PATH = /(?:^|[.\]])image(?:ID)?$/;
/** Fields whose value names another object: a Secret, a claim, a ConfigMap, a ServiceAccount, a node. */
const REFERENCE_PATH = /(?:secretName|secretNames|secret|claimName|claimRef|configMap|serviceAccountName|nodeName)$/;
/** Container env, command and args: user data that can hold host names or credentials. */
const USER_DATA_PATH = /\.env\[|(?:^|\.)(?:command|args|command\/args)$/;
const API_VERSION = /^(?:[a-z0-9.-]+\/)?v\d+(?:(?:alpha|beta)\d+)?$/;

/**
 * What redaction does with an evidence value:
 * - `image`: a container image reference, replaced by an `image-…` token;
 * - `reference`: the name of another object (`name` or `namespace/name`), replaced by tokens part by part;
 * - `drop`: annotation and label values, env/command/args values, and last-applied values other than a bare
 *   apiVersion (the annotation can hold a whole manifest): removed;
 * - `text`: anything else (versions, paths, API groups), kept with known names scrubbed.
 */
export function valueTreatment(e: Evidence): 'image' | 'reference' | 'drop' | 'text' {
  const path = e.path ?? '';
  if (e.source === 'annotation' || e.source === 'label' || USER_DATA_PATH.test(path)) return 'drop';
  if (e.source === 'last-applied') return API_VERSION.test(e.value ?? '') ? 'text' : 'drop';
  if (IMAGE_PATH.test(path)) return 'image';
  return REFERENCE_PATH.test(path) ? 'reference' : 'text';
}

/** Tokenizes the names a value refers to and gives the redacted value. */
export interface NameTokens {
  image(ref: string): string;
  /** `name`, `namespace/name` or `namespace/name#key`. */
  reference(ref: string): string;
}

/** Values too short or too plain to be worth scrubbing from sentences ("true", "1"); they hide nothing. */
const TRIVIAL = /^(?:true|false|yes|no|on|off|\d{1,2})$/i;

/**
 * A replacer that removes a finding's dropped values from its own sentences, so "admitted under PSP acme-psp"
 * does not keep the value the evidence no longer shows; undefined when the finding drops nothing.
 */
export function droppedValueScrubber(evidence: readonly Evidence[]): TextReplacer | undefined {
  const values = new Map<string, string>();
  for (const e of evidence) {
    if (e.value === undefined || valueTreatment(e) !== 'drop') continue;
    if (e.value.length >= 3 && !TRIVIAL.test(e.value)) values.set(e.value, DROPPED_VALUE);
  }
  return values.size === 0 ? undefined : buildReplacer(values);
}

/** One evidence item redacted: names tokenized, dropped values removed, known names scrubbed from the text. */
export function redactEvidence(e: Evidence, text: TextReplacer, names: NameTokens): Evidence {
  // Assigning to existing keys keeps the key order of the original.
  const out: Evidence = { ...e, detail: text(e.detail) };
  if (e.path !== undefined) out.path = text(e.path);
  if (e.value === undefined) return out;
  const treatment = valueTreatment(e);
  if (treatment === 'drop') {
    const { value: _dropped, ...rest } = out;
    return rest;
  }
  out.value =
    treatment === 'image' ? names.image(e.value) : treatment === 'reference' ? names.reference(e.value) : text(e.value);
  return out;
}
