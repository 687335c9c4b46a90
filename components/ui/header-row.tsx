import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** Right-aligned, for numbers. */
  numeric?: boolean;
  /** Read by screen readers only (an actions column). */
  hidden?: boolean;
}

/** A table's header row: one `th scope="col"` per column, with the table's own cell padding. */
export function HeaderRow({ columns, cell, className }: { columns: Column[]; cell: string; className?: string }) {
  return (
    <tr className={className}>
      {columns.map((c, i) => (
        <th key={i} scope="col" className={c.numeric ? `${cell} text-right` : cell}>
          {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
        </th>
      ))}
    </tr>
  );
}
