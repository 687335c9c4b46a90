import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { startCluster, type RunningCluster } from '../../test/cluster-harness/harness/index';
import { buildKubeconfig, writeKubeconfig } from '../../test/cluster-harness/harness/kubeconfig';
import { seedScale, type ScaleResult } from '../../test/cluster-harness/scenarios/scale';
import {
  findingsKey,
  floorOutputSchema,
  scanOutputSchema,
  type FloorOutput,
  type ProbeInput,
  type ScanOutput,
} from './probe-io';
import { runProbe } from './run-probe';
import { withDeadline } from './deadline';
import { auditRequests, peerArgs, runPeer, type PeerOutput, type PeerTools } from './peer-run';
import { startReplay, type ReplayServer } from './replay-server';

export interface SizeSettings {
  pods: number;
  runs: number;
  pageSize: number;
  concurrency: number;
  dataDir: string;
  log: (message: string) => void;
  /** kubent and Pluto, run in the same rounds when given. */
  peers?: PeerTools;
  /** The built CLI (bin/release-lens.mjs), run as a whole process in every round like the peers. */
  cliBin: string;
}

/** One measurement with the 1/5/15-minute load average just before it started. */
export interface Sample<T> {
  run: number;
  load: readonly number[];
  result: T;
}

export interface SizeResult {
  settings: Omit<SizeSettings, 'log' | 'dataDir' | 'peers' | 'cliBin'>;
  seed: ScaleResult;
  warmup: ScanOutput;
  scans: Sample<ScanOutput>[];
  floorsSequential: Sample<FloorOutput>[];
  floorsConcurrent: Sample<FloorOutput>[];
  /** Requests per measurement kind, from the audit log around the last round. */
  requests: Record<string, number>;
  /** `release-lens scan` as a whole process (the built CLI, JSON report to a file), in every round. */
  cli: Sample<PeerOutput>[];
  /**
   * The same CLI against answers recorded from this cluster and replayed from memory (replay-server.ts): the
   * scanner's own time, without the API server's work on the same cores. `serverCpuMs` is the replay's own CPU.
   */
  cliReplayed: Sample<PeerOutput & { serverCpuMs: number }>[];
  /** kubent and Pluto in the same rounds, when KUBENT_BIN and PLUTO_BIN were given. */
  kubent: Sample<PeerOutput>[];
  pluto: Sample<PeerOutput>[];
  /** kube-apiserver RSS after the runs, for context (it shares the 2 cores and the memory). */
  apiserverRssBytes?: number;
}

function processRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

async function sample<T>(run: number, measure: () => Promise<T>): Promise<Sample<T>> {
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  return { run, load, result: await measure() };
}

/** Starts a fresh cluster, seeds `pods`, then times scans and floors in fresh child processes; always stops it. */
export async function measureSize(s: SizeSettings): Promise<SizeResult> {
  const probeTimeout = 120_000 + s.pods * 10;
  let cluster: RunningCluster | undefined;
  let replay: ReplayServer | undefined;
  try {
    cluster = await withDeadline(startCluster({ log: s.log }), 120_000, 'starting the cluster');
    const c = cluster;
    const seed = await withDeadline(
      seedScale(c, { pods: s.pods, log: s.log }),
      300_000 + s.pods * 30,
      `seeding ${s.pods} pods`,
    );
    s.log(`seeded ${seed.pods} pods in ${Math.round(seed.ms / 1000)} s (${seed.podsPerSecond} pods/s)`);

    const inputPath = path.join(c.tmpDir, 'bench-input.json');
    const input: ProbeInput = {
      server: c.server,
      caPem: c.caPem,
      token: c.tokens.reader,
      kubeconfigPath: c.kubeconfigPath,
      context: 'reader',
      pageSize: s.pageSize,
      concurrency: s.concurrency,
      dataDir: s.dataDir,
      plan: [],
      requestTimeoutMs: 60_000,
    };
    writeFileSync(inputPath, JSON.stringify(input), { mode: 0o600 });
    const scan = () => runProbe('scan-probe.ts', [inputPath], scanOutputSchema, probeTimeout);
    const floor = (mode: string) => runProbe('floor-probe.ts', [inputPath, mode], floorOutputSchema, probeTimeout);

    // Warm-up scan, not counted: it also records the LISTs the floor replays.
    const warmup = await scan();
    if (warmup.problems.length) throw new Error(`the scan could not read: ${warmup.problems.join(', ')}`);
    writeFileSync(inputPath, JSON.stringify({ ...input, plan: warmup.plan }), { mode: 0o600 });
    s.log(`warm-up scan ${Math.round(warmup.wallMs)} ms, ${warmup.plan.length} LISTs`);

    const result: SizeResult = {
      settings: { pods: s.pods, runs: s.runs, pageSize: s.pageSize, concurrency: s.concurrency },
      seed,
      warmup,
      scans: [],
      floorsSequential: [],
      floorsConcurrent: [],
      requests: {},
      cli: [],
      cliReplayed: [],
      kubent: [],
      pluto: [],
    };
    // The requests of each kind, counted in the audit log around its run (nothing else talks to this server).
    const counted = async <T>(kind: string, measure: () => Promise<T>): Promise<T> => {
      const before = auditRequests(c.auditLogPath);
      const output = await measure();
      // The audit log is written a moment after the response.
      await new Promise((r) => setTimeout(r, 500));
      result.requests[kind] = auditRequests(c.auditLogPath) - before;
      return output;
    };
    const peer = (tool: keyof PeerTools) => () =>
      runPeer(s.peers?.[tool] ?? '', peerArgs(tool, c.kubeconfigPath, 'reader'), probeTimeout);
    const reportPath = path.join(c.tmpDir, 'cli-report.json');
    const cliRun = async (kubeconfig: string) => {
      const args = [s.cliBin, 'scan', '--kubeconfig', kubeconfig, '--context', 'reader', '-q', '-f', 'json'];
      const output = await runPeer(process.execPath, [...args, '-o', reportPath, '--fail-on', 'none'], probeTimeout);
      // The CLI must find what the in-process scan found, on the same objects: speed never buys a missed object.
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { findings: Parameters<typeof findingsKey>[0] };
      const findings = report.findings.length;
      if (output.exitCode !== 0 || findingsKey(report.findings) !== warmup.findingsKey)
        throw new Error(
          `the CLI exited ${output.exitCode} with ${findings} findings unlike the scan's ${warmup.findings}`,
        );
      return output;
    };
    const cli = () => cliRun(c.kubeconfigPath);
    const sameScan = async () => {
      const output = await scan();
      if (output.findingsKey !== warmup.findingsKey)
        throw new Error(`a timed scan found ${output.findings} findings unlike the warm-up's ${warmup.findings}`);
      return output;
    };

    // One CLI scan through the replay server records the answers; the rounds then read them from memory.
    const answers = await startReplay({ server: c.server, caPem: c.caPem }, c.tmpDir);
    replay = answers;
    const replayConfig = path.join(c.tmpDir, 'replay-kubeconfig.yaml');
    // The cluster's own kubeconfig, pointed at the replay: the same users and contexts.
    writeKubeconfig(replayConfig, buildKubeconfig(answers.url, answers.caPem, c.tokens));
    await cliRun(replayConfig);
    answers.replay();
    s.log(`recorded ${answers.answers()} answers for the replayed CLI runs`);
    const replayed = async () => {
      // The bench process is idle but for the replay while the CLI runs: its CPU is the replay's.
      const cpu = process.cpuUsage();
      const before = answers.requests();
      const output = await cliRun(replayConfig);
      const used = process.cpuUsage(cpu);
      result.requests['cli-replayed'] = answers.requests() - before;
      if (answers.misses() > 0)
        throw new Error(`the replayed CLI asked ${answers.misses()} times for an unrecorded answer`);
      return { ...output, serverCpuMs: (used.user + used.system) / 1000 };
    };
    // Interleaved, so a burst of load from other work on the machine hits every kind alike.
    for (let run = 1; run <= s.runs; run += 1) {
      result.scans.push(await sample(run, () => counted('scan', sameScan)));
      result.cli.push(await sample(run, () => counted('cli', cli)));
      result.cliReplayed.push(await sample(run, replayed));
      result.floorsSequential.push(await sample(run, () => counted('floor-sequential', () => floor('sequential'))));
      result.floorsConcurrent.push(await sample(run, () => counted('floor-concurrent', () => floor('concurrent'))));
      if (s.peers) {
        result.kubent.push(await sample(run, () => counted('kubent', peer('kubent'))));
        result.pluto.push(await sample(run, () => counted('pluto', peer('pluto'))));
      }
      s.log(`run ${run}/${s.runs} done`);
    }
    const rss = processRss(c.pids.apiserver);
    if (rss !== undefined) result.apiserverRssBytes = rss;
    return result;
  } finally {
    await replay?.close();
    await cluster?.stop();
  }
}
