// Loads a page of the server again and again from its own process (one request at a time, 100 ms apart), so the
// latency it records is the server's alone. Usage: node latency-probe.mjs <url>; prints one JSON line
// {"latenciesMs":[…],"failures":n} when its standard input closes.
const url = process.argv[2];
const latenciesMs = [];
let failures = 0;
let done = false;
process.stdin.on('end', () => (done = true));
process.stdin.resume();
while (!done) {
  const start = performance.now();
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.ok) latenciesMs.push(performance.now() - start);
    else failures += 1;
  } catch {
    failures += 1;
  }
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(`${JSON.stringify({ latenciesMs, failures })}\n`);
