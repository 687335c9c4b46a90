import type { Sample, SizeResult } from './measure-size';

/** Markdown tables for bench/scan-scale.ts: one run table and one summary line per size, plus memory growth. */

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? NaN) + hi) / 2;
};

const MiB = 2 ** 20;
const ms = (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`;
const mib = (v: number) => `${(v / MiB).toFixed(1)} MiB`;
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const load = (l: readonly number[]) => l.map((v) => v.toFixed(2)).join(' / ');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const med = <T>(samples: readonly Sample<T>[], pick: (t: T) => number) => median(samples.map((s) => pick(s.result)));

/** Every measurement of one size, in the order it ran, with the load average before it. */
export function runsTable(r: SizeResult): string {
  const rows: string[][] = [];
  for (let i = 0; i < r.scans.length; i += 1) {
    const scan = r.scans[i];
    const seq = r.floorsSequential[i];
    const conc = r.floorsConcurrent[i];
    const peers = [
      ['release-lens CLI', r.cli[i]],
      ['kubent', r.kubent[i]],
      ['Pluto', r.pluto[i]],
    ] as const;
    if (scan) {
      const s = scan.result;
      const split = `${ms(s.collectMs)} + ${ms(s.evaluateMs)}`;
      rows.push([
        'scan',
        String(scan.run),
        ms(s.wallMs),
        split,
        mib(s.maxRssBytes),
        mib(s.heapUsedBytes),
        load(scan.load),
      ]);
    }
    for (const [name, f] of [
      ['floor, sequential', seq],
      [`floor, ${r.settings.concurrency} at once`, conc],
    ] as const) {
      if (f)
        rows.push([
          name,
          String(f.run),
          ms(f.result.wallMs),
          '',
          mib(f.result.maxRssBytes),
          mib(f.result.heapUsedBytes),
          load(f.load),
        ]);
    }
    const replayed = r.cliReplayed[i];
    if (replayed) {
      const cpu = `replay server CPU ${ms(replayed.result.serverCpuMs)}`;
      rows.push([
        `release-lens CLI, answers replayed (exit ${replayed.result.exitCode})`,
        String(replayed.run),
        ms(replayed.result.wallMs),
        cpu,
        mib(replayed.result.maxRssBytes),
        '',
        load(replayed.load),
      ]);
    }
    for (const [name, p] of peers) {
      if (p)
        rows.push([
          `${name} (exit ${p.result.exitCode})`,
          String(p.run),
          ms(p.result.wallMs),
          '',
          mib(p.result.maxRssBytes),
          '',
          load(p.load),
        ]);
    }
  }
  const head = [
    'measurement',
    'run',
    'wall',
    'detail (scan: collect + evaluate)',
    'peak RSS',
    'heap after (GC)',
    'load avg 1/5/15 before',
  ];
  return table(head, rows);
}

/** The summary the issue asks for: medians, ratios, memory, specs, findings. */
export function summaryTable(results: readonly SizeResult[]): string {
  const head = [
    'pods',
    'objects listed',
    'scan wall',
    `floor wall (${results[0]?.settings.concurrency ?? '?'} at once)`,
    'scan / floor',
    'floor wall (sequential)',
    'scan / sequential floor',
    'scan peak RSS',
    'floor peak RSS',
    'scan heap after',
    'distinct pod specs',
    'findings',
  ];
  const rows = results.map((r) => {
    const scan = med(r.scans, (s) => s.wallMs);
    const conc = med(r.floorsConcurrent, (f) => f.wallMs);
    const seq = med(r.floorsSequential, (f) => f.wallMs);
    const first = r.scans[0]?.result;
    return [
      int(r.seed.pods),
      int(r.floorsConcurrent[0]?.result.objects ?? NaN),
      ms(scan),
      ms(conc),
      `${(scan / conc).toFixed(2)}×`,
      ms(seq),
      `${(scan / seq).toFixed(2)}×`,
      mib(med(r.scans, (s) => s.maxRssBytes)),
      mib(med(r.floorsConcurrent, (f) => f.maxRssBytes)),
      mib(med(r.scans, (s) => s.heapUsedBytes)),
      int(first?.distinctSpecs ?? NaN),
      int(first?.findings ?? NaN),
    ];
  });
  return table(head, rows);
}

/** How scan memory grows with the pods: the increment per added pod between consecutive sizes. */
export function growthTable(results: readonly SizeResult[]): string {
  const rows = results.map((r, i) => {
    const rss = med(r.scans, (s) => s.maxRssBytes);
    const heap = med(r.scans, (s) => s.heapUsedBytes);
    const prev = results[i - 1];
    if (!prev) return [int(r.seed.pods), mib(rss), '', '', mib(heap), ''];
    const pods = r.seed.pods - prev.seed.pods;
    const dRss = rss - med(prev.scans, (s) => s.maxRssBytes);
    const dHeap = heap - med(prev.scans, (s) => s.heapUsedBytes);
    return [
      int(r.seed.pods),
      mib(rss),
      `${(rss / med(results[0]?.scans ?? [], (s) => s.maxRssBytes)).toFixed(2)}×`,
      `${int(dRss / pods)} B`,
      mib(heap),
      `${int(dHeap / pods)} B`,
    ];
  });
  const head = ['pods', 'scan peak RSS', 'vs smallest', 'peak RSS per added pod', 'heap after', 'heap per added pod'];
  return table(head, rows);
}

/**
 * Release Lens beside kubent, Pluto and the floor, medians per size: wall time, peak RSS and the API requests of
 * one run. Without the peers, Release Lens and the floor only.
 */
export function sideBySideTable(results: readonly SizeResult[]): string {
  const withPeers = results.some((r) => r.kubent.length > 0);
  const cell = (samples: readonly Sample<{ wallMs: number; maxRssBytes: number }>[], requests?: number) =>
    samples.length === 0
      ? ['', '', '']
      : [
          ms(med(samples, (x) => x.wallMs)),
          mib(med(samples, (x) => x.maxRssBytes)),
          requests === undefined ? '' : int(requests),
        ];
  const kinds = [
    'Release Lens CLI',
    'Release Lens CLI, answers replayed',
    'Release Lens in-process',
    ...(withPeers ? ['kubent', 'Pluto'] : []),
    `floor (${results[0]?.settings.concurrency ?? '?'} at once)`,
  ];
  const head = ['pods', ...kinds.flatMap((k) => [`${k} wall`, `${k} peak RSS`, `${k} requests`])];
  const rows = results.map((r) => [
    int(r.seed.pods),
    ...cell(r.cli, r.requests.cli),
    ...cell(r.cliReplayed, r.requests['cli-replayed']),
    ...cell(r.scans, r.requests.scan),
    ...(withPeers ? [...cell(r.kubent, r.requests.kubent), ...cell(r.pluto, r.requests.pluto)] : []),
    ...cell(r.floorsConcurrent, r.requests['floor-concurrent']),
  ]);
  return table(head, rows);
}
