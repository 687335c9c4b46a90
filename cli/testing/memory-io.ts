import type { CliIo, OutStream } from '../io';

/** An output stream that keeps what is written, for in-process CLI tests. */
export interface MemoryStream extends OutStream {
  readonly text: string;
}

function memoryStream(isTTY: boolean): MemoryStream {
  let text = '';
  return {
    write: (chunk) => {
      text += chunk;
      return Promise.resolve();
    },
    isTTY,
    columns: 80,
    get text() {
      return text;
    },
  };
}

/** A CliIo over memory: stdout and stderr are kept, stdin is `stdin`. */
export function memoryIo(stdin = '', options: { tty?: boolean; signal?: AbortSignal } = {}) {
  const stdout = memoryStream(options.tty ?? false);
  const stderr = memoryStream(options.tty ?? false);
  const io: CliIo = {
    stdout,
    stderr,
    stdin: async function* () {
      yield await Promise.resolve(Buffer.from(stdin, 'utf8'));
    },
    ...(options.signal ? { signal: options.signal } : {}),
  };
  return { io, stdout, stderr };
}
