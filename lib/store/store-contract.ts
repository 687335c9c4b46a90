/**
 * The behaviour every ReportStore must have, written once and run against each implementation on a real database
 * (sqlite.test.ts, postgres.pg.test.ts). Test support only: imports vitest.
 */
import { prepareSaveBody } from './prepare';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { makeLargeReport, makeTestFinding, makeTestReport } from '../report/test-fixtures';
import { killMidSave } from './testdata/kill-mid-save';
import type { ReportStore } from './types';

/** Options a harness passes to the store it opens. */
export interface HarnessStoreOptions {
  maxReportBytes?: number;
  insideSaveTransaction?: () => void;
}

/** One fresh, empty database for one test, with raw access that bypasses the store. */
export interface StoreHarness {
  open(options?: HarnessStoreOptions): ReportStore | Promise<ReportStore>;
  /** Runs SQL on the database directly. */
  exec(sql: string): void | Promise<void>;
  /** Rows in a table, read directly. */
  count(table: 'reports' | 'schema_migrations'): number | Promise<number>;
  /** Arguments for testdata/save-and-hang.ts to open a store on this database. */
  childArgs: string[];
  dispose(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

/** Declares the shared store tests; `createHarness` gives each test its own empty database. */
export function describeReportStoreContract(
  name: string,
  createHarness: () => StoreHarness | Promise<StoreHarness>,
): void {
  describe(`ReportStore contract: ${name}`, () => {
    let h: StoreHarness;
    let store: ReportStore;
    beforeEach(async () => {
      h = await createHarness();
      store = await h.open();
    });
    afterEach(async () => h.dispose());

    it('saves and reads back the same report under an unguessable id', async () => {
      const report = makeLargeReport(500);
      const { manageToken, ...saved } = await store.save(report, { redact: false });
      expect(saved.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(saved.createdAt)).not.toBeNaN();
      expect(await store.get(saved.id)).toEqual({ ...saved, report, redacted: false });
    });

    it('stores a save request prepared elsewhere with its own salt, as save would', async () => {
      const report = makeTestReport();
      const body = JSON.stringify({ report, redact: true });
      const prepared = prepareSaveBody(body, store.limits, store.redactionSalt);
      const saved = await store.insert(prepared);
      const direct = await store.save(report, { redact: true });
      const a = await store.get(saved.id);
      const b = await store.get(direct.id);
      expect(a?.redacted).toBe(true);
      expect(a?.report).toEqual(b?.report);
    });

    it('answers undefined for unknown and malformed ids, without an error', async () => {
      await store.save(makeTestReport(), { redact: false });
      for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '', "x' OR '1'='1", '../reports', 'a'.repeat(500)]) {
        expect(await store.get(id)).toBeUndefined();
        expect(await store.delete(id, { kind: 'admin' })).toBe('not-found');
      }
    });

    it('lists summaries newest first, with counts by severity, in pages', async () => {
      const findings = [makeTestFinding(), makeTestFinding({ severity: 'info' }), makeTestFinding()];
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        ids.push((await store.save(makeTestReport(findings), { redact: false })).id);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const all = await store.list({ limit: 10 });
      expect(all.map((s) => s.id)).toEqual([...ids].reverse());
      expect(all[0]).toMatchObject({
        clusterLabel: 'prod-eu',
        serverVersion: 'v1.23.17',
        target: '1.25',
        counts: { breaking: 2, action: 0, info: 1 },
        redacted: false,
      });
      expect((await store.list({ limit: 1, offset: 1 })).map((s) => s.id)).toEqual([ids[1]]);
      expect((await rejection(store.list({ limit: 0 }))).field).toBe('limit');
    });

    it('deletes a report only for its saver (manage token) or the administrator', async () => {
      const { id, manageToken } = await store.save(makeTestReport(), { redact: false });
      const other = await store.save(makeTestReport(), { redact: false });
      expect(await store.delete(id, { kind: 'manage-token', token: other.manageToken })).toBe('denied');
      expect(await store.delete(id, { kind: 'manage-token', token: '' })).toBe('denied');
      expect(await store.get(id)).toBeDefined();
      expect(await store.delete(id, { kind: 'manage-token', token: manageToken })).toBe('deleted');
      expect(await store.get(id)).toBeUndefined();
      expect(await store.delete(id, { kind: 'manage-token', token: manageToken })).toBe('not-found');
      expect(await store.delete(other.id, { kind: 'admin' })).toBe('deleted');
    });

    it('never trusts a report that claims to be redacted: it redacts it again, literal text included', async () => {
      const claimed = {
        ...makeTestReport([
          makeTestFinding({
            object: { apiVersion: 'v1', kind: 'Pod', namespace: 'team-secret', name: 'ledger-db' },
            message: ['Pod team-secret/ledger-db mounts the socket'],
          }),
        ]),
        redaction: { fields: ['everything, honestly'] },
      };
      const { id, redacted } = await store.save(claimed, { redact: false });
      expect(redacted).toBe(true);
      const stored = JSON.stringify(await store.get(id));
      expect(stored).not.toMatch(/team-secret|ledger-db|prod-eu/);
    });

    it('gives one cluster the same tokens in every redacted report of the instance, so they compare', async () => {
      const a = await store.save(makeTestReport(), { redact: true });
      const b = await store.save(makeTestReport(), { redact: true });
      const [ra, rb] = [await store.get(a.id), await store.get(b.id)];
      expect(ra?.report.cluster.source.label).toMatch(/^cluster-/);
      expect(ra?.report.cluster.source.label).toBe(rb?.report.cluster.source.label);
      expect(ra?.report.findings[0]?.object.namespace).toBe(rb?.report.findings[0]?.object.namespace);
    });

    it('redacts before storing when asked, and never stores the original', async () => {
      const report = makeTestReport([
        makeTestFinding({ object: { apiVersion: 'v1', kind: 'Pod', namespace: 'secret-team', name: 'secret-pod' } }),
      ]);
      const { id } = await store.save(report, { redact: true });
      const stored = await store.get(id);
      expect(stored?.redacted).toBe(true);
      expect(JSON.stringify(stored)).not.toMatch(/secret-team|secret-pod|prod-eu/);
      expect((await store.list({ limit: 1 }))[0]?.clusterLabel).toMatch(/^cluster-/);
    });

    it('refuses an invalid report, naming the first bad field, and stores nothing', async () => {
      const bad = { ...makeTestReport(), findings: [{ ...makeTestFinding(), severity: 'fatal' }] };
      const error = await rejection(store.save(bad, { redact: false }));
      expect([error.kind, error.field]).toEqual(['invalid-input', 'findings.0.severity']);
      expect(error.message).toContain('findings.0.severity');
      expect(await h.count('reports')).toBe(0);
    });

    it('refuses a report over the size limit', async () => {
      const small = await h.open({ maxReportBytes: 10_000 });
      const error = await rejection(small.save(makeLargeReport(100), { redact: false }));
      expect(error.kind).toBe('too-large');
      expect(error.message).toContain('RELEASE_LENS_MAX_REPORT_BYTES');
      expect(await h.count('reports')).toBe(0);
    });

    it('is immutable: the database itself rejects an UPDATE', async () => {
      const { id } = await store.save(makeTestReport(), { redact: false });
      await expect(async () =>
        h.exec(`UPDATE reports SET cluster_label = 'changed' WHERE id = '${id}'`),
      ).rejects.toThrow(/immutable/);
      expect((await store.get(id))?.report.cluster.source.label).toBe('prod-eu');
    });

    it('saves atomically: a failure inside the transaction leaves nothing', async () => {
      const failing = await h.open({
        insideSaveTransaction: () => {
          throw new Error('power cut');
        },
      });
      await expect(failing.save(makeTestReport(), { redact: false })).rejects.toThrow('power cut');
      expect(await h.count('reports')).toBe(0);
      const { id } = await store.save(makeTestReport(), { redact: false });
      expect(await store.get(id)).toBeDefined();
    });

    it('leaves nothing when the saving process is killed mid-save', { timeout: 60_000 }, async () => {
      await killMidSave(h.childArgs);
      expect(await h.count('reports')).toBe(0);
      const reopened = await h.open();
      expect(await reopened.list({ limit: 10 })).toEqual([]);
      const { id } = await reopened.save(makeTestReport(), { redact: false });
      expect(await store.get(id)).toBeDefined();
    });

    it('migrates once, even with several openers at the same time', async () => {
      const openers = await Promise.all([h.open(), h.open(), h.open(), h.open()]);
      // One row per schema step, each applied once whatever the number of openers.
      expect(await h.count('schema_migrations')).toBe(3);
      const { id } = (await openers[0]?.save(makeTestReport(), { redact: false })) ?? { id: '' };
      expect(await openers[3]?.get(id)).toBeDefined();
    });

    it("files reports under registered clusters and reads each cluster's newest", async () => {
      // Saves a few milliseconds apart, so "newest" is one order (ids break ties of one millisecond at random).
      const apart = () => new Promise((resolve) => setTimeout(resolve, 3));
      const a1 = await store.save(makeTestReport(), { redact: false, cluster: 'prod-eu' });
      const other = await store.save(makeTestReport(), { redact: false });
      const b1 = await store.save(makeTestReport(), { redact: false, cluster: 'edge-7' });
      await apart();
      const a2 = await store.save(makeTestReport(), { redact: false, cluster: 'prod-eu' });
      await apart();
      const prepared = prepareSaveBody(JSON.stringify({ report: makeTestReport() }), store.limits, store.redactionSalt);
      const a3 = await store.insert(prepared, { cluster: 'prod-eu' });
      const reports = await store.clusterReports(['prod-eu', 'edge-7', 'never-seen'], 2);
      expect(reports.get('prod-eu')?.map((r) => r.id)).toEqual([a3.id, a2.id]);
      expect(reports.get('edge-7')?.map((r) => r.id)).toEqual([b1.id]);
      expect(reports.get('never-seen')).toEqual([]);
      expect([...reports.values()].flat().map((r) => r.id)).not.toContain(other.id);
      expect([...reports.values()].flat().map((r) => r.id)).not.toContain(a1.id);
      // A filed report is still an ordinary report: its link opens it, its saver deletes it.
      expect((await store.get(a2.id))?.report.cluster.source.label).toBe('prod-eu');
      expect(await store.delete(a2.id, { kind: 'manage-token', token: a2.manageToken })).toBe('deleted');
      expect((await store.clusterReports(['prod-eu'], 5)).get('prod-eu')?.map((r) => r.id)).toEqual([a3.id, a1.id]);
    });

    it('claims a scheduled scan once per cluster and period, and records how it went', async () => {
      const key = { clusterId: 'prod-eu', periodStart: '2026-12-05T12:00:00.000Z' };
      const claims = await Promise.all([1, 2, 3, 4].map(() => store.runs.claim(key)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.runs.claim({ ...key, clusterId: 'edge-7' })).toBe(true);
      await store.runs.mark(key, { state: 'running' });
      await store.runs.mark(key, { state: 'running' });
      expect((await store.runs.latest(['prod-eu'])).get('prod-eu')).toMatchObject({ state: 'running', attempts: 2 });
      expect((await store.runs.stale(new Date(Date.now() + 60_000))).map((k) => k.clusterId).sort()).toEqual([
        'edge-7',
        'prod-eu',
      ]);
      expect(await store.runs.stale(new Date(Date.now() - 60_000))).toEqual([]);
      await store.runs.mark(key, { state: 'done', reportId: 'r1' });
      // A late failure of an attempt that lost its job does not undo a finished run.
      await store.runs.mark(key, { state: 'failed', error: 'late' });
      const next = { clusterId: 'prod-eu', periodStart: '2026-12-05T18:00:00.000Z' };
      expect((await store.runs.latest(['prod-eu', 'edge-7'])).get('prod-eu')).toMatchObject({
        periodStart: key.periodStart,
        state: 'done',
        reportId: 'r1',
      });
      expect(await store.runs.claim(next)).toBe(true);
      await store.runs.mark(next, { state: 'failed', error: 'x'.repeat(10_000) });
      const latest = (await store.runs.latest(['prod-eu'])).get('prod-eu');
      expect(latest).toMatchObject({ periodStart: next.periodStart, state: 'failed' });
      expect(latest?.error?.length).toBe(2000);
    });

    it('stores one report per scheduled scan: a second attempt at a finished run stores nothing', async () => {
      const run = { clusterId: 'prod-eu', periodStart: '2026-12-05T12:00:00.000Z' };
      expect(await store.runs.claim(run)).toBe(true);
      const body = () =>
        prepareSaveBody(JSON.stringify({ report: makeTestReport() }), store.limits, store.redactionSalt);
      const first = await store.insert(body(), { cluster: 'prod-eu', run });
      expect((await store.runs.latest(['prod-eu'])).get('prod-eu')).toMatchObject({
        state: 'done',
        reportId: first.id,
      });
      const error = await rejection(store.insert(body(), { cluster: 'prod-eu', run }));
      expect(error.kind).toBe('conflict');
      expect((await store.clusterReports(['prod-eu'], 10)).get('prod-eu')?.map((r) => r.id)).toEqual([first.id]);
      // A run never claimed cannot be finished either.
      const unclaimed = { clusterId: 'prod-eu', periodStart: '2026-12-05T18:00:00.000Z' };
      expect((await rejection(store.insert(body(), { cluster: 'prod-eu', run: unclaimed }))).kind).toBe('conflict');
      expect(await h.count('reports')).toBe(1);
    });
  });
}
