import { t } from '../model/text';
import { isObjectResourceKey } from '../model/resources';
import { emptyCollected, routeItem } from './project-item';
import type { Collected } from './project-item';
import type {
  CoverageEntry,
  DeprecatedApiRequest,
  KubeconfigFacts,
  ServerVersion,
  SkippedObjects,
  Snapshot,
} from '../model/snapshot';
import type { ResourceKey } from '../model/resources';
import type { SnapshotSource } from '../model/sources';
import { RESOURCE_KEYS } from '../model/resources';
import { DEFAULT_BUDGETS, type ReadBudgets } from '../model/budgets';
import { inlineHelmDecoder, type HelmDecoder } from './helm/decoder';

export interface BuilderOptions {
  /** Budgets for decoding Helm records with the inline decoder (default DEFAULT_BUDGETS). */
  budgets?: ReadBudgets;
  /** Where Helm records are decoded (default: here, synchronously). */
  helmDecoder?: HelmDecoder;
  /** Cancels pending decodes. */
  signal?: AbortSignal;
}

interface Tally {
  kept: number;
  ignored: number;
  skipped: number;
}

/**
 * Builds a Snapshot from raw API objects, one LIST page at a time. The live collectors and the offline parser both
 * feed it, so projection, Helm decoding and coverage work the same for every source. Raw items are projected as
 * they arrive and never kept.
 */
export class SnapshotBuilder {
  private readonly collected: Collected = emptyCollected();
  private readonly tallies = new Map<ResourceKey, Tally>();
  private readonly coverage = new Map<ResourceKey, CoverageEntry>();
  private serverVersion?: ServerVersion;
  private servedGroupVersions?: string[];
  private deprecatedApiRequests?: DeprecatedApiRequest[];
  private kubeconfig?: KubeconfigFacts;
  private readonly decoder: HelmDecoder;
  private readonly signal?: AbortSignal;
  private readonly pending = new Set<Promise<void>>();
  private readonly skipped = new Map<string, SkippedObjects>();
  private failure: Error | undefined;

  constructor(
    private source: SnapshotSource,
    private collectedAt: Date = new Date(),
    options: BuilderOptions = {},
  ) {
    this.decoder = options.helmDecoder ?? inlineHelmDecoder(options.budgets ?? DEFAULT_BUDGETS);
    if (options.signal) this.signal = options.signal;
  }

  /** Projects raw items of one resource as they arrive (one LIST page at a time); unknown shapes are counted and skipped. */
  addItems(resource: ResourceKey, items: readonly unknown[]): void {
    const tally = this.tally(resource);
    if (!isObjectResourceKey(resource)) {
      tally.skipped += items.length;
      return;
    }
    for (const item of items) tally[routeItem(this.collected, resource, item)] += 1;
    this.dispatchHelm();
  }

  /** How many Helm records are being decoded elsewhere. */
  get pendingDecodes(): number {
    return this.pending.size;
  }

  /**
   * Waits until at most `atMost` Helm records are still being decoded, so a reader can hold back while a decoder
   * catches up (memory stays bounded). Rejects when a decode was cancelled.
   */
  async settle(atMost = 0): Promise<void> {
    while (this.pending.size > atMost) await Promise.race(this.pending);
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for every Helm record, then builds the snapshot. */
  async finish(): Promise<Snapshot> {
    await this.settle(0);
    return this.build();
  }

  private dispatchHelm(): void {
    const inputs = this.collected.helmInputs.splice(0);
    for (const input of inputs) {
      const result = this.decoder.decode(input, this.signal);
      if (!(result instanceof Promise)) {
        this.collected.helm.add(result);
        continue;
      }
      const done: Promise<void> = result.then(
        (record) => void this.collected.helm.add(record),
        (error: unknown) => void (this.failure ??= error instanceof Error ? error : new Error(String(error))),
      );
      this.pending.add(done);
      void done.finally(() => this.pending.delete(done));
    }
  }

  /** Names the source and the moment of collection when they are known only after reading (an info document). */
  describe(source: SnapshotSource, collectedAt: Date): void {
    this.source = source;
    this.collectedAt = collectedAt;
  }

  /** Records objects over a read budget that were not read, with why (reasons are our own words). */
  recordSkipped(where: { file: string } | { resource: ResourceKey }, reasons: readonly string[]): void {
    const key = 'file' in where ? `file:${where.file}` : `resource:${where.resource}`;
    const entry = this.skipped.get(key) ?? { ...where, count: 0, reasons: [] };
    entry.count += reasons.length;
    for (const r of reasons) if (!entry.reasons.includes(r) && entry.reasons.length < 5) entry.reasons.push(r);
    this.skipped.set(key, entry);
  }

  /** Sets the API server version (from /version). */
  setServerVersion(v: ServerVersion): void {
    this.serverVersion = v;
    this.tally('version').kept = 1;
  }

  /** Sets the served group/versions from discovery, e.g. 'batch/v1' and 'v1'. */
  setServedGroupVersions(gvs: string[]): void {
    this.servedGroupVersions = [...gvs];
    this.tally('discovery').kept = gvs.length;
  }

  /** Sets the deprecated APIs requested, from the API server's /metrics. */
  setDeprecatedApiRequests(reqs: DeprecatedApiRequest[]): void {
    this.deprecatedApiRequests = [...reqs];
    this.tally('metrics').kept = reqs.length;
  }

  /** Sets facts about the kubeconfig the scan used. */
  setKubeconfigFacts(f: KubeconfigFacts): void {
    this.kubeconfig = f;
  }

  /** Records how reading one resource went; the builder fills `count` from addItems when it is 0. */
  recordCoverage(entry: CoverageEntry): void {
    this.coverage.set(entry.resource, entry);
  }

  /** How many items of a resource were kept, ignored (valid but not held by this key) and skipped (bad shape). */
  counts(resource: ResourceKey): Readonly<Tally> {
    return { ...(this.tallies.get(resource) ?? { kept: 0, ignored: 0, skipped: 0 }) };
  }

  /**
   * The snapshot so far: Helm records grouped into releases, coverage in RESOURCE_KEYS order. With a decoder that
   * works elsewhere, call finish() instead: build() refuses while records are still being decoded.
   */
  build(): Snapshot {
    if (this.pending.size > 0) throw new Error('Helm records are still being decoded: await finish()');
    const c = this.collected;
    return {
      schemaVersion: 1,
      source: this.source,
      collectedAt: this.collectedAt.toISOString(),
      ...(this.serverVersion ? { serverVersion: this.serverVersion } : {}),
      servedGroupVersions: [...(this.servedGroupVersions ?? [])],
      ...(this.kubeconfig ? { kubeconfig: this.kubeconfig } : {}),
      nodes: [...c.nodes],
      namespaces: [...c.namespaces],
      pods: [...c.pods],
      workloads: [...c.workloads],
      podSecurityPolicies: [...c.podSecurityPolicies],
      persistentVolumes: [...c.persistentVolumes],
      storageClasses: [...c.storageClasses],
      csiDrivers: [...c.csiDrivers],
      services: [...c.services],
      priorityClasses: [...c.priorityClasses],
      serviceAccountTokens: [...c.serviceAccountTokens],
      kept: Object.fromEntries(Object.entries(c.kept).map(([k, v]) => [k, [...v]])),
      helmReleases: c.helm.releases(),
      customResourceDefinitions: [...c.customResourceDefinitions],
      webhooks: [...c.webhooks],
      ...(c.kubeadm ? { kubeadm: { ...c.kubeadm, kubeletConfigMaps: [...c.kubeadm.kubeletConfigMaps] } } : {}),
      apiEvidence: [...c.apiEvidence],
      ...(this.deprecatedApiRequests ? { deprecatedApiRequests: [...this.deprecatedApiRequests] } : {}),
      coverage: RESOURCE_KEYS.flatMap((r) => this.coverageOf(r) ?? []),
      ...(this.skipped.size > 0
        ? { skipped: [...this.skipped.values()].map((e) => ({ ...e, reasons: [...e.reasons] })) }
        : {}),
    };
  }

  /** The number of distinct pod spec objects held (pods and templates share equal specs). */
  get distinctPodSpecs(): number {
    return this.collected.interner.size;
  }

  private factSet(resource: ResourceKey): boolean {
    if (resource === 'version') return this.serverVersion !== undefined;
    if (resource === 'discovery') return this.servedGroupVersions !== undefined;
    return resource === 'metrics' && this.deprecatedApiRequests !== undefined;
  }

  private tally(resource: ResourceKey): Tally {
    let t = this.tallies.get(resource);
    if (!t) {
      t = { kept: 0, ignored: 0, skipped: 0 };
      this.tallies.set(resource, t);
    }
    return t;
  }

  /** The recorded entry with count and skip note filled in; an 'ok' entry when items came without one. */
  private coverageOf(resource: ResourceKey): CoverageEntry | undefined {
    const tally = this.tallies.get(resource);
    const recorded = this.coverage.get(resource);
    // Auto 'ok' only for resources that were actually read: objects, or a fact that was set.
    if (!recorded && (!tally || (!isObjectResourceKey(resource) && tally.kept === 0 && !this.factSet(resource)))) {
      return undefined;
    }
    const entry: CoverageEntry = recorded ? { ...recorded } : { resource, status: 'ok', count: 0 };
    if (entry.count === 0 && tally) entry.count = tally.kept;
    if (tally && tally.skipped > 0) {
      const note = t`${tally.skipped} ${tally.skipped === 1 ? 'object had' : 'objects had'} an unexpected shape and ${tally.skipped === 1 ? 'was' : 'were'} skipped.`;
      entry.message = entry.message ? [...entry.message, ' ', ...note] : note;
    }
    return entry;
  }
}
