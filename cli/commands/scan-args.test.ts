import { describe, expect, it } from 'vitest';
import { CliError } from '../errors';
import { EXIT } from '../exit-codes';
import { parseScanArgs } from './scan-args';

/** The usage error parseScanArgs throws for `argv`. */
function usage(argv: string[]): CliError {
  try {
    parseScanArgs(argv);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('release-lens scan arguments', () => {
  it('defaults to the current kubeconfig context, target 1.25, the format chosen by where stdout goes, failing on breaking', () => {
    expect(parseScanArgs([])).toEqual({
      input: { kind: 'kubeconfig' },
      target: '1.25',
      failOn: 'breaking',
      failOnIncomplete: false,
      redact: false,
      quiet: false,
    });
  });

  it('reads every flag', () => {
    const args = parseScanArgs([
      '--kubeconfig=/tmp/kc',
      '--context',
      'prod',
      '--target',
      '1.24',
      '-f',
      'sarif',
      '-o',
      'out.sarif',
      '--fail-on',
      'action',
      '--fail-on-incomplete',
      '--redact',
      '--upload',
      'https://lens.example.com/',
      '-q',
    ]);
    expect(args).toEqual({
      input: { kind: 'kubeconfig', file: '/tmp/kc', context: 'prod' },
      target: '1.24',
      format: 'sarif',
      output: 'out.sarif',
      failOn: 'action',
      failOnIncomplete: true,
      redact: true,
      upload: 'https://lens.example.com',
      quiet: true,
    });
  });

  it('takes several snapshots, stdin once, the demo and in-cluster sources, and -o - as stdout', () => {
    expect(parseScanArgs(['--snapshot', 'a.json', '--snapshot', '-'])).toMatchObject({
      input: { kind: 'snapshot', files: ['a.json', '-'] },
    });
    expect(parseScanArgs(['--demo', '-o', '-'])).toEqual(expect.not.objectContaining({ output: expect.anything() }));
    expect(parseScanArgs(['--in-cluster'])).toMatchObject({ input: { kind: 'in-cluster' } });
    expect(parseScanArgs(['--help'])).toBe('help');
  });

  it('takes namespaces repeated or comma-separated, once each', () => {
    const args = parseScanArgs(['--context', 'prod', '-n', 'shop,pay', '--namespace', 'shop']);
    expect(args !== 'help' && args.namespaces).toEqual(['shop', 'pay']);
  });

  it('joins a cluster with a repository when --files comes beside a cluster source', () => {
    const args = parseScanArgs(['--context', 'prod', '--files', 'deploy', 'charts']);
    expect(args !== 'help' && [args.input, args.repository]).toEqual([
      { kind: 'kubeconfig', context: 'prod' },
      { kind: 'files', paths: ['deploy', 'charts'], values: [] },
    ]);
  });

  it.each([
    [['--demo', '--snapshot', 'a.json'], /--snapshot and --demo cannot be combined/],
    [['--kubeconfig', 'k', '--in-cluster'], /--kubeconfig and --in-cluster cannot be combined/],
    [['--demo', '--context', 'x'], /--context .* does not apply to --demo/],
    [['--format', 'pdf'], /--format must be one of md, json, csv, sarif, pr-comment, table \(got "pdf"\)/],
    [['--target', '1.26'], /--target must be one of 1\.24, 1\.25/],
    [['--fail-on', 'warning'], /--fail-on must be one of breaking, action, info, none/],
    [['--context', ' '], /--context needs a value/],
    [['--output', ''], /--output needs a value/],
    [['--snapshot', ''], /--snapshot needs a file name/],
    [['--snapshot', '-', '--snapshot', '-'], /stdin\) can be given once/],
    [['--upload', 'lens.example.com'], /--upload must be the dashboard's http\(s\) address/],
    [['--upload', 'https://lens.example.com/?x=1'], /--upload must be/],
    [['--verbose'], /Unknown option '--verbose' \(see release-lens scan --help\)/],
    [['--namespace', 'Shop_1'], /--namespace takes namespace names \(got "Shop_1"\)/],
    [['--demo', '-n', 'shop'], /--namespace narrows a live cluster scan/],
    [['--files', '.', '-n', 'shop'], /--namespace narrows a live cluster scan/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('refuses %j with exit 2 and a message naming the flag', (argv, message) => {
    const error = usage(argv);
    expect(error.code).toBe(EXIT.usage);
    expect(error.message).toMatch(message);
  });

  it('scans several contexts as a fleet: named (comma-separated or repeated) or all, with an output directory', () => {
    expect(parseScanArgs(['--context', 'prod,stage', '--context', 'prod', '--kubeconfig', 'k.yaml'])).toMatchObject({
      input: { kind: 'kubeconfig', file: 'k.yaml' },
      fleet: { contexts: ['prod', 'stage'], outputDir: 'release-lens-fleet', parallel: 4 },
    });
    expect(parseScanArgs(['--all-contexts', '--output-dir', 'out', '--parallel', '2'])).toMatchObject({
      fleet: { contexts: 'all', outputDir: 'out', parallel: 2 },
    });
    // One context is an ordinary scan.
    expect(parseScanArgs(['--context', 'prod'])).not.toHaveProperty('fleet');
    expect(usage(['--context', 'a,b', '--demo']).message).toContain('--demo cannot be used with it');
    expect(usage(['--context', 'a,b', '-o', 'x.md']).message).toContain('--output (use --output-dir)');
    expect(usage(['--all-contexts', '--context', 'a']).message).toContain('leave out --context');
    expect(usage(['--context', 'a,b', '--parallel', '0']).message).toContain('--parallel takes a whole number');
    expect(usage(['--output-dir', 'out']).message).toContain('go with several contexts');
    expect(usage(['--context', 'a,,b']).code).toBe(EXIT.usage);
  });
});
