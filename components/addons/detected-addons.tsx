import { AddonTable } from './addon-table';
import { ADDON_BELOW_BASIS, type AddonEntry, type AddonVerdict } from '@/lib/model/report';

const VERDICT: Record<AddonVerdict, { label: string; className: string }> = {
  inside: { label: 'supported', className: 'text-emerald-800 dark:text-emerald-300' },
  older: { label: 'too old', className: 'font-semibold text-red-800 dark:text-red-300' },
  newer: { label: 'newer than tested', className: 'text-amber-800 dark:text-amber-300' },
  unknown: { label: 'version unknown', className: 'text-slate-700 dark:text-slate-300' },
  'no-statement': { label: 'no statement', className: 'text-slate-700 dark:text-slate-300' },
};

const UNKNOWN: Record<NonNullable<AddonEntry['unknown']>, string> = {
  digest: 'pinned by digest, no version label',
  'not-a-version': 'the tag names no release',
  'no-label': 'no version label or chart',
};

/**
 * The add-ons a scan found: for each, the workload, the version and where it was read, and for every release
 * step the supported range and where this version stands. Under the findings, which carry the advice.
 */
export function DetectedAddons({ addons }: { addons: readonly AddonEntry[] | undefined }) {
  if (!addons || addons.length === 0) return null;
  const releases = [...new Set(addons.flatMap((a) => a.releases.map((r) => r.release)))].sort();
  return (
    <section className="mt-6" aria-labelledby="addons-heading" data-testid="detected-addons">
      <h2 id="addons-heading" className="mb-2 text-lg font-semibold">
        Add-ons ({addons.length})
      </h2>
      <AddonTable columns={['Add-on', 'Workload', 'Version']} releases={releases}>
        {addons.map((a, i) => (
          <tr
            key={`${a.addon}-${a.object.kind}-${a.object.namespace ?? ''}-${a.object.name}-${i}`}
            data-addon={a.addon}
            className="border-b border-slate-200 align-top dark:border-slate-800"
          >
            <th scope="row" className="py-2 pr-3 font-medium">
              {a.name}
            </th>
            <td className="py-2 pr-3 font-mono text-xs break-all">
              {a.object.kind} {a.object.namespace ? `${a.object.namespace}/` : ''}
              {a.object.name}
            </td>
            <td className="py-2 pr-3">
              {a.version !== undefined ? (
                <span className="font-mono text-xs">{a.version}</span>
              ) : (
                <span className="text-xs">{a.unknown ? UNKNOWN[a.unknown] : 'unknown'}</span>
              )}
            </td>
            {releases.map((r) => {
              const step = a.releases.find((x) => x.release === r);
              const verdict =
                step?.basis && step.verdict === 'older'
                  ? { label: ADDON_BELOW_BASIS[step.basis], className: 'text-amber-800 dark:text-amber-300' }
                  : VERDICT[step?.verdict ?? 'no-statement'];
              return (
                <td key={r} className="py-2 pr-3" data-release={r} data-verdict={step?.verdict}>
                  <span className={verdict.className}>{verdict.label}</span>
                  {step?.range ? <span className="ml-1 font-mono text-xs">{step.range}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </AddonTable>
    </section>
  );
}
