import type { Finding } from '@/lib/model/finding';
import type { Slot, Text } from '@/lib/model/text';
import { SeverityBadge, Tag } from '../ui/badge';
import { TextView } from '../ui/text-view';
import { sourceText } from '@/lib/report/export/shared';

/** Values separated by commas, as a sentence of slots. */
function joinSlots(slots: Slot[]): Text {
  return slots.flatMap((s, i) => (i === 0 ? [s] : [', ', s]));
}

function refText(ref: Finding['object']): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** One finding: the object, what is wrong, what to do, and the evidence behind it. Cluster strings render as text. */
export function FindingItem({
  finding,
  changeTitle,
  hideAdvice = false,
  specifics = [],
}: {
  finding: Finding;
  changeTitle?: string;
  /** The advice is shown once above a list of findings that share it. */
  hideAdvice?: boolean;
  /** With the advice shown once: the values it takes for this object. */
  specifics?: Slot[];
}) {
  return (
    <div
      data-testid="finding"
      data-change-id={finding.changeId}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      {changeTitle ? (
        <p className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">{changeTitle}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-1.5">
        <SeverityBadge severity={finding.severity} />
        <span className="font-mono text-sm break-all" data-testid="finding-object">
          {refText(finding.object)}
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400">{finding.object.apiVersion}</span>
        {finding.confidence !== 'certain' ? <Tag>{finding.confidence}</Tag> : null}
      </div>
      {finding.location ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Written at{' '}
          <span className="font-mono break-all" data-testid="finding-location">
            {finding.location.path}:{finding.location.line}
          </span>
        </p>
      ) : null}
      {finding.source ? (
        <p
          className="mt-1 text-xs text-slate-600 dark:text-slate-400"
          data-testid="finding-source"
          data-state={finding.source.state}
        >
          In the repository: {sourceText(finding.source)}
        </p>
      ) : null}
      {finding.accepted ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="finding-accepted">
          <Tag>accepted</Tag> {finding.accepted.reason}
          {finding.accepted.expires ? ` (until ${finding.accepted.expires})` : ''}, {finding.accepted.entry.path}:
          {finding.accepted.entry.line}
        </p>
      ) : null}
      {finding.owner ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Owned by <span className="font-mono">{refText(finding.owner)}</span>
        </p>
      ) : null}
      {finding.helmRelease ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Helm release{' '}
          <span className="font-mono">
            {finding.helmRelease.namespace}/{finding.helmRelease.name}
          </span>
        </p>
      ) : null}
      <p className="mt-2 text-sm">
        <TextView text={finding.message} />
      </p>
      {hideAdvice ? (
        specifics.length > 0 ? (
          <p className="mt-1 text-sm" data-testid="finding-specifics">
            <strong>For this object:</strong> <TextView text={joinSlots(specifics)} />
          </p>
        ) : null
      ) : (
        <p className="mt-1 text-sm">
          <strong>What to do:</strong> <TextView text={finding.remediation} />
        </p>
      )}
      {finding.evidence.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
            Evidence ({finding.evidence.length})
          </summary>
          <ul className="mt-1 space-y-1">
            {finding.evidence.map((e, i) => (
              <li key={i} className="rounded bg-slate-50 p-2 dark:bg-slate-900">
                <span className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{e.source}</span>{' '}
                {e.path ? (
                  <code className="text-xs break-all">
                    <TextView text={e.path} />
                  </code>
                ) : null}
                {e.value !== undefined ? (
                  <>
                    {' = '}
                    <code className="text-xs break-all">
                      <TextView text={e.value} />
                    </code>
                  </>
                ) : null}
                <div>
                  <TextView text={e.detail} />
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
