import { randomBytes } from 'node:crypto';
import type { Evidence, Finding, HelmReleaseRef } from '../model/finding';
import type { Report } from '../model/report';
import type { ObjectRef } from '../model/snapshot';
import { isIdentity, type IdentityKind, type Part, type Slot, type Text } from '../model/text';
import { buildReplacer, type TextReplacer } from './redact/text';
import { Tokenizer, type TokenKind } from './redact/tokenizer';

export interface RedactOptions {
  /** Secret input of the HMAC. Per instance, so reports of one cluster stay comparable; never stored with them. */
  salt: string | Uint8Array;
  /**
   * Also scrub literal text of every identity the report names. Needed only for a report whose slots cannot be
   * trusted to hold every name (one that arrived already marked redacted); a report built by Release Lens has
   * no names in its literal text.
   */
  scrubLiterals?: boolean;
}

const SALT_ID_PREFIX = 'salt-id:';

/** What redaction does, as listed in `redaction.fields` of every redacted report. */
export const REDACTED_FIELDS = [
  'identity slots in every sentence',
  'findings.object, findings.owner, findings.helmRelease',
  'findings.location.path, findings.source.location.path, findings.accepted',
  'findings.id',
  'cluster.source.label, cluster.source.server, cluster.helmCharts',
  'coverage.namespaces',
] as const;

/** The token prefix of each identity kind. */
const TOKEN_KIND: Record<IdentityKind, TokenKind> = {
  namespace: 'ns',
  name: 'name',
  node: 'node',
  image: 'image',
  'helm-release': 'helm',
  context: 'cluster',
  server: 'server',
  user: 'user',
  ip: 'ip',
  value: 'value',
};

/** A fresh random salt: 256 bits, so tokens cannot be reversed by guessing names. */
export function newRedactionSalt(): Buffer {
  return randomBytes(32);
}

/** The salt fingerprint of a redacted report, or undefined when the report is not redacted. */
export function redactionSaltId(report: Report): string | undefined {
  const entry = report.redaction?.fields.find((f) => f.startsWith(SALT_ID_PREFIX));
  return entry?.slice(SALT_ID_PREFIX.length);
}

/** Every identity a report names: its slots and the names in its object references. */
function* identities(report: Report): Generator<{ kind: IdentityKind; value: string }> {
  const fromText = function* (text: Text | undefined) {
    for (const p of text ?? []) if (typeof p !== 'string' && isIdentity(p)) yield p as Slot & { kind: IdentityKind };
  };
  const fromRef = function* (r: ObjectRef | undefined) {
    if (!r) return;
    if (r.namespace !== undefined) yield { kind: 'namespace' as const, value: r.namespace };
    yield { kind: refNameKind(r), value: r.name };
  };
  for (const a of report.addons ?? []) yield* fromRef(a.object);
  for (const f of report.findings) {
    yield* fromRef(f.object);
    yield* fromRef(f.owner);
    if (f.helmRelease) {
      yield { kind: 'namespace', value: f.helmRelease.namespace };
      yield { kind: 'helm-release', value: f.helmRelease.name };
    }
    // A repository's layout can name teams and services: the path is the owner's data.
    if (f.location) yield { kind: 'value', value: f.location.path };
    if (f.accepted) yield { kind: 'value', value: f.accepted.entry.path };
    if (f.source) yield { kind: 'value', value: f.source.location.path };
    yield* fromText(f.message);
    yield* fromText(f.remediation);
    for (const e of f.evidence) {
      yield* fromText(e.path);
      yield* fromText(e.value);
      yield* fromText(e.detail);
    }
  }
  for (const c of report.coverage) {
    for (const ns of c.namespaces ?? []) yield { kind: 'namespace', value: ns };
    yield* fromText(c.message);
  }
  for (const n of report.notes) yield* fromText(n.message);
  for (const r of report.rules) yield* fromText(r.message);
  for (const c of report.changes) yield* fromText(c.reason);
  yield* fromText(report.cluster.providerEvidence);
  for (const h of report.cluster.helmCharts ?? []) {
    yield { kind: 'namespace', value: h.namespace };
    yield { kind: 'helm-release', value: h.name };
    yield { kind: 'value', value: h.chart };
  }
  yield { kind: 'context', value: report.cluster.source.label };
  if (report.cluster.source.server !== undefined) yield { kind: 'server', value: report.cluster.source.server };
}

/** Namespaces and Nodes are identities of their own kind wherever they appear. */
function refNameKind(r: ObjectRef): IdentityKind {
  if (r.kind === 'Namespace') return 'namespace';
  if (r.kind === 'Node') return 'node';
  return 'name';
}

class Redactor {
  private readonly tokens: Tokenizer;
  private scrub: TextReplacer = (s) => s;

  constructor(options: RedactOptions) {
    this.tokens = new Tokenizer(options.salt);
  }

  token(kind: IdentityKind, value: string): string {
    return this.tokens.token(TOKEN_KIND[kind], value);
  }

  /** Registers every identity first, so literal scrubbing (when asked) knows them all. */
  prepare(report: Report, scrubLiterals: boolean): void {
    for (const id of identities(report)) this.token(id.kind, id.value);
    if (scrubLiterals) this.scrub = buildReplacer(this.tokens.known);
  }

  text(text: Text): Text {
    return text.map((p: Part): Part => {
      if (typeof p === 'string') return this.scrub(p);
      return isIdentity(p) ? { kind: p.kind, value: this.token(p.kind as IdentityKind, p.value) } : p;
    });
  }

  optionalText(text: Text | undefined): Text | undefined {
    return text === undefined ? undefined : this.text(text);
  }

  ref(r: ObjectRef): ObjectRef {
    return {
      ...r,
      ...(r.namespace === undefined ? {} : { namespace: this.token('namespace', r.namespace) }),
      name: this.token(refNameKind(r), r.name),
    };
  }

  helm(h: HelmReleaseRef): HelmReleaseRef {
    return { name: this.token('helm-release', h.name), namespace: this.token('namespace', h.namespace) };
  }

  evidence(e: Evidence): Evidence {
    const out: Evidence = { ...e, detail: this.text(e.detail) };
    if (e.path !== undefined) out.path = this.text(e.path);
    if (e.value !== undefined) out.value = this.text(e.value);
    return out;
  }

  finding(f: Finding): Finding {
    return {
      ...f,
      id: this.tokens.findingId(f.id),
      object: this.ref(f.object),
      ...(f.owner ? { owner: this.ref(f.owner) } : {}),
      ...(f.helmRelease ? { helmRelease: this.helm(f.helmRelease) } : {}),
      ...(f.location ? { location: { ...f.location, path: this.token('value', f.location.path) } } : {}),
      ...(f.source
        ? {
            source: {
              ...f.source,
              location: { ...f.source.location, path: this.token('value', f.source.location.path) },
            },
          }
        : {}),
      // The reason is the owner's free text, which may name anything: it is dropped, the acceptance kept.
      ...(f.accepted
        ? {
            accepted: {
              ...f.accepted,
              reason: 'redacted',
              entry: { ...f.accepted.entry, path: this.token('value', f.accepted.entry.path) },
            },
          }
        : {}),
      message: this.text(f.message),
      remediation: this.text(f.remediation),
      evidence: f.evidence.map((e) => this.evidence(e)),
    };
  }

  saltId(): string {
    return this.tokens.saltId();
  }
}

const withText = <T extends object, K extends keyof T>(o: T, key: K, text: Text | undefined): T =>
  text === undefined ? o : { ...o, [key]: text };

/**
 * A copy of the report in which every identity (each identity slot, and the names in object references, the
 * cluster label and server) is replaced by a stable token: HMAC-SHA256 under `salt`, one token per identity and
 * kind across the whole report. Literal text is written by Release Lens and names no one. See docs/reports.md.
 */
export function redactReport(report: Report, options: RedactOptions): Report {
  const r = new Redactor(options);
  r.prepare(report, options.scrubLiterals ?? false);
  const { server } = report.cluster.source;
  const providerEvidence = r.optionalText(report.cluster.providerEvidence);
  const { providerEvidence: _dropped, ...cluster } = report.cluster;
  return {
    ...report,
    cluster: {
      ...cluster,
      // The identity stays comparable across redacted reports of one salt, and names nothing.
      ...(cluster.uid === undefined ? {} : { uid: r.token('value', cluster.uid) }),
      ...(providerEvidence === undefined ? {} : { providerEvidence }),
      ...(cluster.helmCharts
        ? {
            helmCharts: cluster.helmCharts.map((h) => ({
              namespace: r.token('namespace', h.namespace),
              name: r.token('helm-release', h.name),
              chart: r.token('value', h.chart),
            })),
          }
        : {}),
      source: {
        kind: cluster.source.kind,
        label: r.token('context', cluster.source.label),
        ...(server === undefined ? {} : { server: r.token('server', server) }),
      },
    },
    findings: report.findings.map((f) => r.finding(f)),
    changes: report.changes.map((c) => withText(c, 'reason', r.optionalText(c.reason))),
    rules: report.rules.map((rule) => withText(rule, 'message', r.optionalText(rule.message))),
    coverage: report.coverage.map((c) => ({
      ...withText(c, 'message', r.optionalText(c.message)),
      ...(c.namespaces === undefined ? {} : { namespaces: c.namespaces.map((ns) => r.token('namespace', ns)) }),
    })),
    notes: report.notes.map((n) => ({ ...n, message: r.text(n.message) })),
    ...(report.addons ? { addons: report.addons.map((a) => ({ ...a, object: r.ref(a.object) })) } : {}),
    redaction: { fields: [...REDACTED_FIELDS, `${SALT_ID_PREFIX}${r.saltId()}`] },
  };
}
