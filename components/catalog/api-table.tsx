import Link from 'next/link';
import type { RemovedApi } from '@/lib/catalog/schema';
import { Tag } from '../ui/badge';
import { HeaderRow } from '../ui/header-row';

const gv = (a: RemovedApi) => (a.group ? `${a.group}/${a.version}` : a.version);

/** The removed API versions, one row each. */
export function ApiTable({ apis, caption }: { apis: RemovedApi[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full text-left text-sm" data-testid="api-table">
        <caption className="px-3 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <HeaderRow
            cell="px-3 py-2"
            columns={[
              { label: 'Group / version' },
              { label: 'Kind' },
              { label: 'Removed in' },
              { label: 'Replacement' },
              { label: 'What changes when you migrate' },
            ]}
          />
        </thead>
        <tbody>
          {apis.map((a) => (
            <tr key={`${gv(a)}-${a.kind}`} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="px-3 py-2 font-mono text-xs">{gv(a)}</td>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/changes/${a.changeId}`}>{a.kind}</Link>
              </th>
              <td className="px-3 py-2">
                {a.removedIn} {a.lookAhead ? <Tag>look-ahead</Tag> : null}
              </td>
              <td className="px-3 py-2">
                {a.replacement ? (
                  <>
                    <code className="text-xs">{a.replacement}</code>
                    {a.replacementSince ? (
                      <span className="text-slate-500 dark:text-slate-400"> (since {a.replacementSince})</span>
                    ) : null}
                  </>
                ) : (
                  <span>None</span>
                )}
              </td>
              <td className="px-3 py-2">{a.migration}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
