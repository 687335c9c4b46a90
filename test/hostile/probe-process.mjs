// Probes a server from its own process, so the latency it measures is the server's, not that of the test
// process that is busy sending a large upload. Usage: node probe-process.mjs <url> [path]; loads <url><path>
// (default /api/sources) one request at a time, 100 ms apart, and prints one JSON line
// {"slowestMs":…,"probes":…,"latenciesMs":[…]} when its standard input closes.
const url = process.argv[2];
const target = `${url}${process.argv[3] ?? '/api/sources'}`;
const latenciesMs = [];
let done = false;
process.stdin.on('end', () => (done = true));
process.stdin.resume();
while (!done) {
  const start = performance.now();
  try {
    const res = await fetch(target);
    await res.arrayBuffer();
    if (res.ok) latenciesMs.push(performance.now() - start);
  } catch {
    // The server not answering at all shows as no probes.
  }
  await new Promise((r) => setTimeout(r, 100));
}
const slowestMs = latenciesMs.reduce((a, b) => Math.max(a, b), 0);
process.stdout.write(`${JSON.stringify({ slowestMs, probes: latenciesMs.length, latenciesMs })}\n`);
