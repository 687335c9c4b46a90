import { AddonTable } from './addon-table';
import type { Addon } from '@/lib/catalog/addon-schema';
import type { Release } from '@/lib/model/releases';

/**
 * The add-on table for an upgrade path: for each add-on, the versions its project supports at each release step,
 * each range linked to the project's own statement. Server-rendered, no script.
 */
export function AddonRanges({ addons, releases }: { addons: readonly Addon[]; releases: readonly Release[] }) {
  const sorted = [...addons].sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
  return (
    <section className="mb-8" aria-labelledby="h-addons" data-testid="addon-ranges">
      <h2 id="h-addons" className="mb-1 text-lg font-semibold">
        Add-ons: the versions that support each step ({sorted.length})
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Upgrade each add-on to a release inside the range of every step before the control plane takes that step. A scan
        reports the add-ons it finds and where each stands.
      </p>
      <AddonTable columns={['Add-on', 'Kind']} releases={releases}>
        {sorted.map((a) => (
          <tr key={a.id} data-addon={a.id} className="border-b border-slate-200 align-top dark:border-slate-800">
            <th scope="row" className="py-2 pr-3 font-medium">
              <a href={a.homepage}>{a.name}</a>
            </th>
            <td className="py-2 pr-3">{a.category}</td>
            {releases.map((r) => {
              const row = a.support.find((s) => s.kubernetes === r);
              return (
                <td key={r} className="py-2 pr-3 font-mono text-xs">
                  {row ? (
                    <>
                      <a href={row.source} title={row.checked}>
                        {row.versions}
                      </a>
                      {row.basis !== 'statement' ? (
                        <span className="ml-1 font-sans text-slate-600 dark:text-slate-400">({row.basis})</span>
                      ) : null}
                    </>
                  ) : (
                    <span className="font-sans">no statement</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </AddonTable>
    </section>
  );
}
