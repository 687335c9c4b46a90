import type { HelpTopic } from './args';

const EXIT_CODES = `Exit codes:
  0  no finding at or above --fail-on (or nothing was scanned: help, version, changes)
  1  findings at or above --fail-on
  2  usage or invalid input: bad flags, an unreadable or invalid snapshot or kubeconfig, an unknown context
  3  the cluster could not be scanned: unreachable, TLS, timeout, unauthorized or forbidden
  4  the report was written, but --upload failed (takes precedence over 1 and 5)
  5  not a result: the scan could read no workloads and no nodes; with --fail-on-incomplete, also any scan
     that could not read everything (the report is written and says what was missing)
  130 interrupted (Ctrl-C)`;

const MAIN = `release-lens: which Kubernetes 1.24 and 1.25 changes affect your cluster.

Usage:
  release-lens scan [source] [options]    scan a cluster, a snapshot or a repository and write a report
  release-lens changes [--release R]      list the catalog's changes
  release-lens help [command]             show help for a command
  release-lens --version

Run "release-lens scan --help" for the scan options.

${EXIT_CODES}`;

const SCAN = `Usage: release-lens scan [source] [options]

Scans read-only (GET and LIST only) and writes the impact report.

Source (choose one; the default is the current context of your kubeconfig):
  --kubeconfig FILE       read this kubeconfig instead of KUBECONFIG / ~/.kube/config
  --context NAME          the kubeconfig context to scan (default: current-context); several
                          (a,b,c or repeated) scan each cluster: a fleet run (see below)
  --all-contexts          a fleet run over every context of the kubeconfig
  --snapshot FILE         offline input: \`kubectl get ... -A -o json\` output; repeat for several files,
                          - reads stdin (see docs/snapshot.md for the commands)
  --files PATH            a repository's manifests, Helm charts and kustomizations: files or directories,
                          repeat for several, - reads manifests from stdin (see docs/cli.md). Charts are
                          rendered with helm, kustomizations with kubectl kustomize, when installed
  --values FILE           with --files: render every chart with this values file too (repeatable)
  --demo                  the bundled demo cluster
  --in-cluster            the Pod's service account (when running inside the cluster)

Options:
  --target 1.24|1.25      the release you are upgrading to (default 1.25)
  -n, --namespace NS      a live scan reads namespaced objects in NS only (repeatable, or a,b,c);
                          cluster-scoped ones (nodes, webhooks, CRDs) are read whole
  -f, --format FORMAT     table (one row per finding), md (the full report), pr-comment (a short
                          summary for a pull request), json, csv or sarif (default: table on a terminal,
                          md when piped or written with -o)
  -o, --output FILE       write the report to FILE (atomically) instead of stdout
  --fail-on LEVEL         breaking, action, info or none: exit 1 when a finding is at or above it
                          (default breaking)
  --fail-on-incomplete    exit 5 when anything could not be read (a forbidden resource, a blind check)
  --ignore-file FILE      accepted findings (default: .release-lens.yaml here, when present): they stay in
                          the report, marked accepted with their reason, and do not fail the run
  --redact                replace namespaces, names, images, hosts and servers with stable tokens
  --upload URL            save the report on a running dashboard (POST URL/api/reports) and print its link;
                          RELEASE_LENS_UPLOAD_TOKEN is sent as the bearer token when the dashboard needs one
  -q, --quiet             no progress or summary on stderr (errors are still printed)
  -h, --help              this help

Fleet runs (several contexts):
  --output-dir DIR        where each cluster's report goes, as CONTEXT.md (or .json, .csv, .sarif by
                          --format), with fleet.md and fleet.json (default: ./release-lens-fleet)
  --parallel N            clusters scanned at once (default 4)
  The summary (a table on a terminal, Markdown when piped) has a row per cluster, one that could not be
  scanned says why; the exit code is the worst cluster's.

Set RELEASE_LENS_DEBUG=1 to see stack traces of unexpected errors.

${EXIT_CODES}`;

const CHANGES = `Usage: release-lens changes [--release 1.24|1.25] [--json]

Lists the catalog's changes, breaking first: id, release, severity, stage, KEP and title.

Options:
  --release R             only the changes of release R
  --json                  the full catalog entries as a JSON array
  -h, --help              this help`;

/** The help text of a topic. */
export function helpText(topic: HelpTopic): string {
  switch (topic) {
    case 'main':
      return MAIN;
    case 'scan':
      return SCAN;
    case 'changes':
      return CHANGES;
  }
}
