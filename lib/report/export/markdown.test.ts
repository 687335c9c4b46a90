import { describe, expect, it } from 'vitest';
import { makeLargeReport, makeTestCatalog, makeTestFinding, makeTestReport } from '../test-fixtures';
import { exportMarkdown, exportPrComment, GITHUB_COMMENT_LIMIT } from './markdown';

/** Splits a GFM table row the way cmark-gfm does: a backslash escapes the next character, `|` ends a cell. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length - 1; i += 1) {
    const c = line[i] ?? '';
    if (c === '\\') {
      cell += c + (line[i + 1] ?? '');
      i += 1;
    } else if (c === '|') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...out, cell].map((s) => s.trim().replace(/\\\|/g, '|'));
}

/** What a reader sees in a cell: code span content, or text with escapes and entities resolved. */
function plain(cell: string): string {
  const code = /^(`+)(.*)\1$/.exec(cell);
  if (code) {
    const inner = code[2] ?? '';
    return inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
  }
  return cell
    .replace(/&#8203;/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\(.)/g, '$1');
}

function parseFindings(markdown: string) {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| <!-- finding:'))
    .map((line) => {
      const [first = '', namespace = '', name = ''] = cells(line);
      const [, id = '', kind = ''] = /^<!-- finding:(\S+) --> (.*)$/.exec(first) ?? [];
      return { id, kind: plain(kind), namespace: plain(namespace), name: plain(name) };
    });
}

const catalog = makeTestCatalog();
const nasty = [
  'a|b',
  '<script>alert(1)</script>',
  'tick`s``',
  '@octocat #12',
  ' padded ',
  'back\\slash|pipe',
  '**bold**',
];

describe('exportMarkdown', () => {
  it('carries every finding: ids and objects parse back from the comment', () => {
    const findings = nasty.map((name, i) =>
      makeTestFinding({
        severity: i % 2 === 0 ? 'breaking' : 'info',
        changeId: i % 2 === 0 ? 'dockershim-removal' : 'grpc-probes-beta',
        object: { apiVersion: 'v1', kind: 'Pod', namespace: nasty[(i + 1) % nasty.length], name },
        message: [`message about ${name}`],
      }),
    );
    const md = exportMarkdown(makeTestReport(findings), catalog);
    const parsed = parseFindings(md);
    const expected = findings.map((f) => ({
      id: f.id,
      kind: 'Pod',
      namespace: f.object.namespace,
      name: f.object.name,
    }));
    expect(parsed.sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('renders cluster strings inertly: no raw HTML, mentions, issue links or broken rows', () => {
    const f = makeTestFinding({ message: ['<img src=x onerror=alert(1)> ping @octocat about #12\nsecond line | x'] });
    const md = exportMarkdown(makeTestReport([f], { cluster: { ...makeTestReport().cluster } }), catalog);
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/@octocat/);
    expect(md).not.toMatch(/#12/);
    const row = md.split('\n').find((l) => l.includes(`finding:${f.id}`)) ?? '';
    expect(cells(row)).toHaveLength(7);
  });

  it('puts a header and summary first, breaking changes before others, with KEP links and advice', () => {
    const report = makeTestReport([
      makeTestFinding({ changeId: 'grpc-probes-beta', severity: 'info' }),
      makeTestFinding({ changeId: 'dockershim-removal', severity: 'breaking' }),
    ]);
    const md = exportMarkdown(report, catalog);
    expect(md).toMatch(/^## Release Lens: upgrade to Kubernetes 1\.25/);
    expect(md).toContain('| Breaking | 1 | 1 |');
    expect(md).toContain('| Catalog | `abc123def456` |');
    expect(md.indexOf('### Breaking')).toBeLessThan(md.indexOf('### Info'));
    expect(md).toContain('[KEP-2221](https://github.com/kubernetes/enhancements/issues/2221)');
    expect(md).toContain('Before the upgrade: Move every node to containerd or CRI\\-O\\.');
  });

  it('folds long object lists and lists coverage gaps with their reason', () => {
    const many = Array.from({ length: 12 }, () => makeTestFinding());
    const report = makeTestReport(many, {
      changes: [
        { changeId: 'psp-removal', status: 'not-checked', objects: 0, reason: ['podsecuritypolicies forbidden'] },
      ],
      coverage: [{ resource: 'podsecuritypolicies', status: 'forbidden', count: 0, message: ['RBAC says no'] }],
      rules: [{ ruleId: 'psp-objects', status: 'blind', findings: 0, missing: ['podsecuritypolicies'] }],
    });
    const md = exportMarkdown(report, catalog);
    expect(md).toContain('<details><summary>12 findings</summary>');
    expect(md).toMatch(/### Not checked[\s\S]*PodSecurityPolicy removed[\s\S]*podsecuritypolicies forbidden/);
    expect(md).toMatch(/### Could not read[\s\S]*`podsecuritypolicies` \| forbidden \| RBAC says no/);
    expect(md).toContain('| `psp-objects` | blind | `podsecuritypolicies` |');
    expect(exportMarkdown(makeTestReport([makeTestFinding()]), catalog)).not.toContain('<details>');
  });

  it('holds every finding however large the report, and never says it cut anything', () => {
    const report = makeLargeReport(5000);
    const md = exportMarkdown(report, catalog);
    expect(md.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    expect(new Set(parseFindings(md).map((f) => f.id))).toEqual(new Set(report.findings.map((f) => f.id)));
    expect(md).not.toContain('Truncated');
  });

  it('as a pull-request comment, stays under the GitHub limit and says what it left out and where it is', () => {
    const report = makeLargeReport(5000);
    const md = exportPrComment(report, catalog);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = parseFindings(md).length;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(`**Truncated:** ${5000 - shown} of 5000 findings are not shown`);
    expect(md).toContain('The full Markdown (--format md), JSON, CSV and SARIF exports carry every finding.');
  });
});
