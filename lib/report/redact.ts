import { randomBytes } from 'node:crypto';
import type { ObjectRef } from '../model/snapshot';
import type { Finding } from '../model/finding';
import { droppedValueScrubber, redactEvidence, valueTreatment } from './redact/evidence';
import { findIdentities } from './redact/identities';
import { buildReplacer, type TextReplacer } from './redact/text';
import { Tokenizer } from './redact/tokenizer';
import type { Report } from '../model/report';

export interface RedactOptions {
  /** Secret input of the HMAC. Random per report unless reports must stay comparable; never stored with it. */
  salt: string | Uint8Array;
}

const SALT_ID_PREFIX = 'salt-id:';

/** What redaction does, as listed in `redaction.fields` of every redacted report. */
export const REDACTED_FIELDS = [
  'cluster.source.label',
  'cluster.source.server',
  'cluster.providerEvidence (dropped)',
  'coverage.namespaces',
  'findings.id',
  'findings.object.namespace',
  'findings.object.name',
  'findings.owner.namespace',
  'findings.owner.name',
  'findings.helmRelease.name',
  'findings.helmRelease.namespace',
  'findings.evidence.value (images and object references tokenized)',
  'findings.evidence.value (annotation, label, env, command and args values dropped)',
  'free text: names, users and IP addresses replaced (messages, evidence, notes, coverage, rules)',
] as const;

/** A fresh random salt: 256 bits, so tokens cannot be reversed by guessing names. */
export function newRedactionSalt(): Buffer {
  return randomBytes(32);
}

/** The salt fingerprint of a redacted report, or undefined when the report is not redacted. */
export function redactionSaltId(report: Report): string | undefined {
  const entry = report.redaction?.fields.find((f) => f.startsWith(SALT_ID_PREFIX));
  return entry?.slice(SALT_ID_PREFIX.length);
}

function registerNames(report: Report, tokens: Tokenizer): void {
  const ref = (r: ObjectRef | undefined) => {
    if (r?.namespace !== undefined) tokens.token('ns', r.namespace);
    if (r !== undefined) tokens.token('name', r.name);
  };
  for (const f of report.findings) {
    ref(f.object);
    ref(f.owner);
    if (f.helmRelease) {
      tokens.token('ns', f.helmRelease.namespace);
      tokens.token('helm', f.helmRelease.name);
    }
    for (const e of f.evidence) {
      if (e.value === undefined) continue;
      const treatment = valueTreatment(e);
      if (treatment === 'image') tokens.image(e.value);
      if (treatment === 'reference') tokens.reference(e.value);
    }
  }
  for (const c of report.coverage) for (const ns of c.namespaces ?? []) tokens.token('ns', ns);
  const { label, server } = report.cluster.source;
  tokens.token('cluster', label);
  if (server !== undefined) {
    tokens.token('server', server);
    if (URL.canParse(server)) tokens.token('server', new URL(server).hostname);
  }
}

/** Every free-text field of a report, for finding identities the structured fields do not name. */
function* freeText(report: Report): Generator<string> {
  for (const f of report.findings) {
    yield f.message;
    yield f.remediation;
    for (const e of f.evidence) yield `${e.detail}\n${e.value ?? ''}`;
  }
  for (const n of report.notes) yield n.message;
  for (const c of report.coverage) if (c.message !== undefined) yield c.message;
  for (const r of report.rules) if (r.message !== undefined) yield r.message;
  for (const c of report.changes) if (c.reason !== undefined) yield c.reason;
}

function redactFinding(f: Finding, tokens: Tokenizer, text: TextReplacer): Finding {
  const scrub = droppedValueScrubber(f.evidence);
  const sentence: TextReplacer = scrub ? (s) => text(scrub(s)) : text;
  const ref = (r: ObjectRef): ObjectRef => ({
    ...r,
    ...(r.namespace === undefined ? {} : { namespace: tokens.token('ns', r.namespace) }),
    name: tokens.token('name', r.name),
  });
  return {
    ...f,
    id: tokens.findingId(f.id),
    object: ref(f.object),
    ...(f.owner ? { owner: ref(f.owner) } : {}),
    ...(f.helmRelease
      ? {
          helmRelease: {
            name: tokens.token('helm', f.helmRelease.name),
            namespace: tokens.token('ns', f.helmRelease.namespace),
          },
        }
      : {}),
    message: sentence(f.message),
    remediation: sentence(f.remediation),
    evidence: f.evidence.map((e) => redactEvidence(e, sentence, tokens)),
  };
}

/**
 * A copy of the report with every name the cluster's owner chose replaced by a stable token (HMAC-SHA256 under
 * `salt`), annotation and label values dropped, and known names scrubbed from free text. See docs/reports.md.
 */
export function redactReport(report: Report, options: RedactOptions): Report {
  const tokens = new Tokenizer(options.salt);
  registerNames(report, tokens);
  for (const s of freeText(report)) for (const id of findIdentities(s)) tokens.token(id.kind, id.value);
  const text = buildReplacer(tokens.known);
  const { providerEvidence: _dropped, ...cluster } = report.cluster;
  const { server } = report.cluster.source;
  return {
    ...report,
    cluster: {
      ...cluster,
      source: {
        kind: cluster.source.kind,
        label: tokens.token('cluster', cluster.source.label),
        ...(server === undefined ? {} : { server: tokens.token('server', server) }),
      },
    },
    findings: report.findings.map((f) => redactFinding(f, tokens, text)),
    changes: report.changes.map((c) => (c.reason === undefined ? c : { ...c, reason: text(c.reason) })),
    rules: report.rules.map((r) => (r.message === undefined ? r : { ...r, message: text(r.message) })),
    coverage: report.coverage.map((c) => ({
      ...c,
      ...(c.message === undefined ? {} : { message: text(c.message) }),
      ...(c.namespaces === undefined ? {} : { namespaces: c.namespaces.map((ns) => tokens.token('ns', ns)) }),
    })),
    notes: report.notes.map((n) => ({ ...n, message: text(n.message) })),
    redaction: { fields: [...REDACTED_FIELDS, `${SALT_ID_PREFIX}${tokens.saltId()}`] },
  };
}
