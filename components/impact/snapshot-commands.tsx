/** The kubectl commands that produce an offline snapshot, per server version. */
export function SnapshotCommands({
  commands,
}: {
  commands: Record<string, readonly { purpose: string; command: string }[]>;
}) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer">How do I make a snapshot?</summary>
      <p className="mt-2">
        Run these with a kubeconfig that can read the cluster, then upload the files. Secrets are read only where the
        checks need them (Helm release records and token metadata).
      </p>
      {Object.entries(commands).map(([versions, list]) => (
        <div key={versions} className="mt-3">
          <h3 className="font-semibold">Clusters on {versions}</h3>
          <ul className="mt-1 space-y-2">
            {list.map((c) => (
              <li key={c.command}>
                <div className="text-slate-600 dark:text-slate-400">{c.purpose}</div>
                <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900">
                  <code>{c.command}</code>
                </pre>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
