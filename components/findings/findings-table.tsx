'use client';

import { useRef, useState } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Finding } from '@/lib/model/finding';
import { renderText } from '@/lib/model/text';
import type { Sort } from '@/lib/report/workbench';
import { SeverityBadge } from '../ui/badge';
import { FindingItem } from '../impact/finding-item';

const ref = (r: Finding['object']) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

/** Height of one table row in pixels; the virtualizer measures real rows, this is its first guess. */
const ROW = 41;

interface Props {
  findings: Finding[];
  changeTitle: (id: string) => string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  printing: boolean;
}

/**
 * The dense view: one row per finding, columns sortable, rows virtualized so a 10,000-finding report scrolls as
 * fast as a ten-finding one. A row opens the full finding (evidence included) below the table.
 */
export function FindingsTable({ findings, changeTitle, sort, onSort, printing }: Props) {
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const columns: ColumnDef<Finding>[] = [
    { id: 'severity', header: 'Severity', cell: ({ row }) => <SeverityBadge severity={row.original.severity} /> },
    {
      id: 'change',
      header: 'Change',
      cell: ({ row }) => <span className="line-clamp-2">{changeTitle(row.original.changeId)}</span>,
    },
    {
      id: 'object',
      header: 'Object',
      cell: ({ row }) => <span className="font-mono">{ref(row.original.object)}</span>,
    },
    { id: 'namespace', header: 'Namespace', cell: ({ row }) => row.original.object.namespace ?? 'cluster-scoped' },
    { id: 'confidence', header: 'Confidence', cell: ({ row }) => row.original.confidence },
    {
      id: 'message',
      header: 'What is wrong',
      // Two lines in the table; the whole finding opens below it.
      cell: ({ row }) => <span className="line-clamp-2">{renderText(row.original.message)}</span>,
    },
  ];
  // The table instance is rebuilt each render on purpose (React Compiler does not memoize it; nothing here needs it).
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: findings, columns, getCoreRowModel: getCoreRowModel(), getRowId: (f) => f.id });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  const items = printing ? rows.map((_, index) => ({ index, start: 0, end: 0 })) : virtual.getVirtualItems();
  const before = printing ? 0 : (items[0]?.start ?? 0);
  const after = printing ? 0 : virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const open = findings.find((f) => f.id === openId);
  const sortable = new Set<string>(['severity', 'change', 'object', 'namespace', 'confidence']);
  return (
    <div>
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Findings table, ${findings.length} rows`}
        className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 dark:border-slate-800 print:max-h-none"
        data-testid="findings-table"
      >
        <table className="w-full min-w-[48rem] border-collapse text-left text-sm" aria-rowcount={findings.length + 1}>
          <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => (
                  <th
                    key={h.id}
                    scope="col"
                    className="px-2 py-2 font-semibold"
                    aria-sort={sort === h.id ? 'ascending' : undefined}
                  >
                    {sortable.has(h.id) ? (
                      <button
                        type="button"
                        onClick={() => onSort(h.id as Sort)}
                        className="underline-offset-2 hover:underline"
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {sort === h.id ? ' ▲' : ''}
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {before > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} ref={(el) => void el?.style.setProperty('height', `${before}px`)} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const f = row.original;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  ref={printing ? undefined : virtual.measureElement}
                  aria-rowindex={item.index + 2}
                  data-testid="finding-row"
                  className={`border-t border-slate-200 align-top dark:border-slate-800 ${openId === f.id ? 'bg-sky-50 dark:bg-sky-950' : ''}`}
                >
                  {row.getVisibleCells().map((cell, i) => (
                    <td key={cell.id} className="px-2 py-2 break-words">
                      {i === 2 ? (
                        <button
                          type="button"
                          className="line-clamp-2 min-w-[12rem] text-left font-mono break-all text-sky-800 underline dark:text-sky-300"
                          aria-expanded={openId === f.id}
                          onClick={() => setOpenId(openId === f.id ? undefined : f.id)}
                        >
                          {ref(f.object)}
                        </button>
                      ) : (
                        flexRender(cell.column.columnDef.cell, cell.getContext())
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} ref={(el) => void el?.style.setProperty('height', `${after}px`)} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {open ? (
        <div className="mt-3" data-testid="finding-detail">
          <FindingItem finding={open} changeTitle={changeTitle(open.changeId)} />
        </div>
      ) : null}
    </div>
  );
}
