// Probes a server from its own process, so the latency it measures is the server's, not that of the test
// process that is busy sending a large upload. Usage: node probe-process.mjs <url>; prints one JSON line
// {"slowestMs":…,"probes":…} when its standard input closes.
const url = process.argv[2];
let slowestMs = 0;
let probes = 0;
let done = false;
process.stdin.on('end', () => (done = true));
process.stdin.resume();
while (!done) {
  const start = performance.now();
  try {
    const res = await fetch(`${url}/api/sources`);
    await res.arrayBuffer();
    if (res.ok) {
      slowestMs = Math.max(slowestMs, performance.now() - start);
      probes += 1;
    }
  } catch {
    // The server not answering at all shows as no probes.
  }
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(`${JSON.stringify({ slowestMs, probes })}\n`);
