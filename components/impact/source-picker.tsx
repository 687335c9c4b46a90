'use client';

import type { DashboardSourceKind as SourceKind } from '@/lib/model/sources';

const labels: Record<SourceKind, string> = {
  demo: 'Demo cluster',
  kubeconfig: "This machine's kubeconfig",
  upload: 'Paste a kubeconfig',
  snapshot: 'Upload a snapshot',
  files: 'Scan a repository',
  'in-cluster': 'In-cluster service account',
};

/** Radio buttons choosing where the scan reads from. */
export function SourcePicker({
  kinds,
  value,
  onChange,
}: {
  kinds: SourceKind[];
  value: SourceKind;
  onChange: (k: SourceKind) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold">Where should the scan read from?</legend>
      <div className="flex flex-wrap gap-2">
        {kinds.map((k) => (
          <label
            key={k}
            className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${
              value === k
                ? 'border-sky-700 bg-sky-50 dark:border-sky-400 dark:bg-sky-950'
                : 'border-slate-300 dark:border-slate-700'
            }`}
          >
            <input
              type="radio"
              name="source"
              value={k}
              checked={value === k}
              onChange={() => onChange(k)}
              className="accent-sky-600"
            />
            {labels[k]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
