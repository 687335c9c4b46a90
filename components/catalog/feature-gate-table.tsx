import { RELEASES } from '@/lib/model/releases';
import type { FeatureGate } from '@/lib/catalog/schema';

function Cell({ gate, release }: { gate: FeatureGate; release: (typeof RELEASES)[number] }) {
  const d = gate.defaults[release];
  if (!d) return <td className="px-3 py-2 text-slate-400">—</td>;
  return (
    <td className="px-3 py-2">
      {d.stage}, {d.enabled ? 'on' : 'off'} by default{d.locked ? ' (locked)' : ''}
    </td>
  );
}

/** Feature gates with their stage and default in each release. */
export function FeatureGateTable({ gates }: { gates: FeatureGate[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Feature gates and their defaults per release</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Gate
            </th>
            {RELEASES.map((r) => (
              <th key={r} scope="col" className="px-3 py-2 font-semibold">
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gates.map((g) => (
            <tr key={g.name} className="border-b border-slate-100 dark:border-slate-800/60">
              <th scope="row" className="px-3 py-2 font-mono text-xs font-normal">
                {g.name}
              </th>
              {RELEASES.map((r) => (
                <Cell key={r} gate={g} release={r} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
