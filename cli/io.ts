/** Where output goes; `write` resolves once the text is handed to the OS, so exiting after it loses nothing. */
export interface OutStream {
  write(text: string): Promise<void>;
  readonly isTTY: boolean;
  /** Terminal width, when a TTY. */
  readonly columns?: number;
}

/** Everything the CLI touches outside its arguments, so tests can run it in-process. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Standard input as a stream of bytes (a snapshot piped in with --snapshot -). */
  stdin(): AsyncIterable<Uint8Array>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** The directory relative paths are read from and shown against (default: the process's). */
  cwd?: string;
}

function nodeStream(stream: NodeJS.WriteStream): OutStream {
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve()))),
    // Typed boolean, but undefined at run time when the stream is a pipe or a file.
    isTTY: stream.isTTY === true,
    get columns() {
      return stream.columns;
    },
  };
}

/** The process's own streams. */
export function processIo(signal?: AbortSignal): CliIo {
  return {
    stdout: nodeStream(process.stdout),
    stderr: nodeStream(process.stderr),
    stdin: () => process.stdin,
    ...(signal ? { signal } : {}),
  };
}
