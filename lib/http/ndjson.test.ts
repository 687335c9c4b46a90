import { describe, expect, it } from 'vitest';
import { readNdjson } from './ndjson';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe('readNdjson', () => {
  it('yields values split across chunks and a last line without newline', async () => {
    const values: unknown[] = [];
    for await (const v of readNdjson(streamOf(['{"a":', '1}\n{"b":2}\n\n', '{"c":"é"}']))) values.push(v);
    expect(values).toEqual([{ a: 1 }, { b: 2 }, { c: 'é' }]);
  });
});
