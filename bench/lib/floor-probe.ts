/**
 * Child process of bench/scan-scale.ts: the floor under a scan. It replays the LISTs the scan made (same paths,
 * selectors, page size, Accept and gzip, same token and CA) over raw HTTPS, parses each page's JSON and only counts
 * the items. `sequential` runs one LIST at a time; otherwise as many at once as the scan does. A list the scan asked
 * for as protobuf (pods) is decoded by protobufjs into its messages, the same parse without the conversion to JSON
 * objects.
 */
import { Agent } from 'node:https';
import { performance } from 'node:perf_hooks';
import protobuf from 'protobufjs';
import schema from '../../lib/sources/cluster/wire/pod-schema.json';
import { getBytes } from './https-get';
import { emit, memoryFigures, readProbeInput, type ListCall, type ProbeInput } from './probe-io';

interface Tally {
  objects: number;
  pages: number;
  bodyBytes: number;
}

type Page = { items?: unknown; metadata?: { continue?: unknown } };

const MAX_PAGES_PER_LIST = 10_000;

const types = protobuf.Root.fromJSON(schema.protobuf);
const UNKNOWN = types.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
const POD_LIST = types.lookupType('k8s.io.api.core.v1.PodList');

/** A page as the server sent it: JSON parsed, or a protobuf list of pods decoded. */
function parsePage(contentType: string, body: Buffer): Page {
  if (!contentType.startsWith('application/vnd.kubernetes.protobuf')) return JSON.parse(body.toString('utf8')) as Page;
  const { raw } = UNKNOWN.decode(body.subarray(4)) as unknown as { raw: Uint8Array };
  return POD_LIST.decode(raw) as unknown as Page;
}

async function listAll(input: ProbeInput, agent: Agent, call: ListCall, tally: Tally): Promise<void> {
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES_PER_LIST; pages += 1) {
    const path = token === undefined ? call.path : `${call.path}&continue=${encodeURIComponent(token)}`;
    const res = await getBytes(new URL(path, input.server), {
      agent,
      token: input.token,
      accept: call.accept,
      timeoutMs: input.requestTimeoutMs,
    });
    if (res.status !== 200) {
      throw new Error(`GET ${call.path} answered ${res.status}: ${res.body.toString('utf8', 0, 200)}`);
    }
    const page = parsePage(res.contentType, res.body);
    tally.objects += Array.isArray(page.items) ? page.items.length : 0;
    tally.pages += 1;
    tally.bodyBytes += res.body.length;
    const next = page.metadata?.continue;
    token = typeof next === 'string' && next !== '' ? next : undefined;
    if (token === undefined || call.single) return;
  }
  throw new Error(`GET ${call.path}: more than ${MAX_PAGES_PER_LIST} pages`);
}

async function main(): Promise<void> {
  const input = readProbeInput(process.argv[2]);
  const sequential = process.argv[3] === 'sequential';
  if (input.plan.length === 0) throw new Error('floor-probe: the input has no LIST plan');
  const lanes = sequential ? 1 : input.concurrency;
  // The same pool settings as the product's connection (lib/sources/cluster/connect.ts).
  const agent = new Agent({ ca: input.caPem, keepAlive: true, maxSockets: 8 });
  const tally: Tally = { objects: 0, pages: 0, bodyBytes: 0 };

  const started = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let call = input.plan[next++]; call !== undefined; call = input.plan[next++]) {
      await listAll(input, agent, call, tally);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, input.plan.length) }, lane));
  const wallMs = performance.now() - started;
  agent.destroy();

  emit({ mode: 'floor', wallMs, ...memoryFigures(), ...tally });
}

await main();
