import type { ReactNode } from 'react';

/** The frame of an add-on table: scrolls sideways on a phone, one header row (the columns, then a column per release). */
export function AddonTable({
  columns,
  releases,
  children,
}: {
  columns: readonly string[];
  releases: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {[...columns, ...releases.map((r) => `Kubernetes ${r}`)].map((c) => (
              <th key={c} scope="col" className="py-2 pr-3">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
