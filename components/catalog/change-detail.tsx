import Link from 'next/link';
import type { Change, RemovedApi } from '@/lib/catalog/schema';
import { SeverityBadge, StageBadge, Tag } from '../ui/badge';
import { Card } from '../ui/card';
import { FeatureGateTable } from './feature-gate-table';

export interface DetectingRule {
  id: string;
  title: string;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Everything about one change: what, who, what to do, gates, links and how a scan detects it. */
export function ChangeDetail({ change, rules, apis }: { change: Change; rules: DetectingRule[]; apis: RemovedApi[] }) {
  return (
    <article data-testid="change-detail">
      <p className="mb-2 text-sm">
        <Link href="/changes">← All changes</Link>
      </p>
      <div className="mb-3 flex flex-wrap gap-1.5">
        <SeverityBadge severity={change.severity} />
        {change.stage ? <StageBadge stage={change.stage} /> : null}
        <Tag>Kubernetes {change.release}</Tag>
        <Tag>{change.sig}</Tag>
        <Tag>{change.kind}</Tag>
        {change.kep ? <Tag>KEP-{change.kep}</Tag> : null}
      </div>
      <h1 className="text-2xl font-bold tracking-tight">{change.title}</h1>
      <p className="mt-3 max-w-3xl leading-relaxed">{change.summary}</p>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="mb-1 font-semibold">Who is affected</h2>
          <p className="text-sm leading-relaxed">{change.whoIsAffected}</p>
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">What to do</h2>
          {change.action.before ? (
            <p className="text-sm leading-relaxed">
              <strong>Before the upgrade:</strong> {change.action.before}
            </p>
          ) : null}
          {change.action.after ? (
            <p className="mt-2 text-sm leading-relaxed">
              <strong>After the upgrade:</strong> {change.action.after}
            </p>
          ) : null}
        </Card>
      </div>

      {change.featureGates.length > 0 ? (
        <Section title="Feature gates">
          <FeatureGateTable gates={change.featureGates} />
        </Section>
      ) : null}

      {apis.length > 0 ? (
        <Section title="Removed API versions">
          <ul className="list-disc pl-5 text-sm">
            {apis.map((a) => (
              <li key={`${a.group}/${a.version}/${a.kind}`}>
                <code>{a.group ? `${a.group}/${a.version}` : a.version}</code> {a.kind}, removed in {a.removedIn}
                {a.replacement ? (
                  <>
                    {' '}
                    — use <code>{a.replacement}</code>
                  </>
                ) : (
                  ' — no replacement'
                )}
                . {a.migration}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href="/apis">See every removed API</Link>
          </p>
        </Section>
      ) : null}

      <Section title="How Release Lens detects it">
        {rules.length > 0 ? (
          <>
            <ul className="list-disc pl-5 text-sm">
              {rules.map((r) => (
                <li key={r.id}>
                  {r.title} <code className="text-xs text-slate-500 dark:text-slate-400">({r.id})</code>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              <Link href="/impact">Check your cluster for this change</Link>
            </p>
          </>
        ) : (
          <p className="text-sm">Not observable from the API: {change.notObservable}</p>
        )}
      </Section>

      {change.sourceNote ? (
        <Section title="About the sources">
          <p className="text-sm">{change.sourceNote}</p>
        </Section>
      ) : null}

      <Section title="Links">
        <ul className="list-disc pl-5 text-sm">
          {change.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer" target="_blank">
                {l.label}
              </a>{' '}
              <span className="text-slate-500 dark:text-slate-400">({l.kind})</span>
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}
