/**
 * Issue 12's benchmark: how long a repository scan takes, and how much memory it needs, on a generated tree of
 * manifest files; beside Pluto's `detect-files` on the same tree when a Pluto binary is given (PLUTO_BIN).
 * Each round runs each tool in a fresh process under /usr/bin/time for its wall time and peak RSS; rounds alternate.
 *
 *   npm run bench:files -- [--files=10000] [--runs=5] [--out=FILE]
 *
 * Prints the table and writes it, with the date and machine, to bench/results/files-scale.md (or --out).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './lib/next-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const files = Number(flag('files', '10000'));
const runs = Number(flag('runs', '5'));
const out = path.resolve(root, flag('out', 'bench/results/files-scale.md'));
const pluto = process.env.PLUTO_BIN;
const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** The kinds of file in the tree, in turn: most are fine, some name removed versions, some hold several documents. */
const SHAPES: ((i: number) => string)[] = [
  (i) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\nspec:\n  selector:\n    matchLabels: { app: app-${i} }\n  template:\n    metadata:\n      labels: { app: app-${i} }\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app-${i}:1.${i % 10}.0\n          ports: [{ containerPort: 8080 }]\n`,
  (i) =>
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\nspec:\n  selector: { app: app-${i} }\n  ports: [{ port: 80, targetPort: 8080 }]\n`,
  (i) =>
    `apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: app-${i} }\n`,
  (i) =>
    `apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: job-${i}\n  namespace: team-${i % 50}\nspec:\n  schedule: "0 ${i % 24} * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{ name: job, image: registry.example.com/job-${i}:1.0.0 }]\n`,
  (i) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: team-${i % 50}\ndata:\n  settings.yaml: |\n    level: info\n    replicas: ${i % 5}\n---\napiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: app-${i} }\n  minReplicas: 1\n  maxReplicas: 4\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\nspec:\n  rules: [{ host: app-${i}.example.com }]\n`,
];

function generate(dir: string): number {
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `service-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const shape = SHAPES[i % SHAPES.length];
    const text = shape ? shape(i) : '';
    bytes += text.length;
    writeFileSync(path.join(sub, `manifest-${i}.yaml`), text);
  }
  return bytes;
}

interface Measured {
  seconds: number;
  rssMiB: number;
  findings: number;
}

/** Runs a command under GNU time: wall seconds and peak RSS, with its stdout for a count of findings. */
function timed(
  command: string,
  args: string[],
  env: Record<string, string>,
  count: (stdout: string) => number,
): Measured {
  const timeFile = path.join(tmpdir(), `release-lens-bench-time-${process.pid}`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const [seconds = NaN, kib = NaN] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  rmSync(timeFile, { force: true });
  if (r.error) throw r.error;
  return { seconds, rssMiB: kib / 1024, findings: count(r.stdout) };
}

function releaseLens(dir: string): Measured {
  return timed(
    process.execPath,
    [path.join(root, 'bin/release-lens.mjs'), 'scan', '--files', dir, '-q', '-f', 'json', '--fail-on', 'none'],
    { RELEASE_LENS_HELM: 'off', RELEASE_LENS_KUBECTL: 'off', RELEASE_LENS_KUSTOMIZE: 'off' },
    (stdout) =>
      (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.filter(
        (f) => f.ruleId === 'removed-api-manifests',
      ).length,
  );
}

function plutoRun(dir: string, bin: string): Measured {
  return timed(bin, ['detect-files', '-d', dir, '-o', 'json', '--target-versions', 'k8s=v1.25.0'], {}, (stdout) => {
    try {
      return ((JSON.parse(stdout) as { items?: unknown[] }).items ?? []).length;
    } catch {
      return NaN;
    }
  });
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function row(name: string, samples: Measured[]): string {
  const time = summarize(samples.map((s) => s.seconds));
  const rss = summarize(samples.map((s) => s.rssMiB));
  return `| ${name} | ${fmt(time.median)} s | ${fmt(time.min)}–${fmt(time.max)} s | ${fmt(rss.median, 0)} MiB | ${samples[0]?.findings ?? 'n/a'} |`;
}

if (!existsSync(path.join(root, 'dist/cli.mjs'))) throw new Error('Build the CLI first: npm run build:cli');
const dir = mkdtempSync(path.join(tmpdir(), 'release-lens-files-'));
try {
  const bytes = generate(dir);
  log(`generated ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MiB) in ${dir}`);
  releaseLens(dir); // warm the file cache
  const rl: Measured[] = [];
  const pl: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    rl.push(releaseLens(dir));
    log(`round ${i + 1}: release-lens ${fmt(rl[i]?.seconds ?? NaN)} s`);
    if (pluto) {
      pl.push(plutoRun(dir, pluto));
      log(`round ${i + 1}: pluto ${fmt(pl[i]?.seconds ?? NaN)} s`);
    }
  }
  const lines = [
    `# Repository scan: ${files.toLocaleString('en')} manifest files`,
    '',
    `${new Date().toISOString().slice(0, 16)} UTC · ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}) · ${Math.round(totalmem() / 2 ** 30)} GiB · load ${loadavg()[0]?.toFixed(2)} · Node ${process.version} · ${runs} alternating rounds, each tool in a fresh process`,
    '',
    `Tree: ${files.toLocaleString('en')} YAML files in ${Math.ceil(files / 100)} directories, ${(bytes / 1024 / 1024).toFixed(1)} MiB: Deployments, Services, policy/v1beta1 PDBs, batch/v1beta1 CronJobs, and multi-document files (ConfigMap, autoscaling/v2beta1 HPA, Ingress).`,
    '',
    '| tool | wall time (median) | range | peak RSS (median) | removed-API findings |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('Release Lens `scan --files` (every check, JSON report)', rl),
    pluto
      ? row('Pluto `detect-files` (removed APIs only)', pl)
      : '| Pluto `detect-files` | not run: set PLUTO_BIN | | | |',
    '',
  ];
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
