// SHA-256 throughput of the evidence uploader's hashing (docs/decisions/0035): the incremental
// pure-JS hash the Web Worker streams a file through (@noble/hashes), against WebCrypto's one-shot
// digest of a whole buffer (what the uploader did before, holding the whole file in memory).
// Run from the repository root: node web/scripts/hash-bench.mjs
import { loadavg } from 'node:os';
import { sha256 } from '@noble/hashes/sha2.js';

const MIB = 1024 * 1024;
const SIZE_MIB = 64;
const RUNS = 5;
const chunk = new Uint8Array(MIB).map((_, index) => index % 251);
const whole = new Uint8Array(SIZE_MIB * MIB).map((_, index) => (index % MIB) % 251);

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (ms) => SIZE_MIB / (ms / 1000);

const streamed = [];
const oneShot = [];
for (let run = 0; run < RUNS; run++) {
  let started = performance.now();
  const hash = sha256.create();
  for (let index = 0; index < SIZE_MIB; index++) hash.update(chunk);
  hash.digest();
  streamed.push(performance.now() - started);
  started = performance.now();
  await crypto.subtle.digest('SHA-256', whole);
  oneShot.push(performance.now() - started);
}
console.log(
  `${SIZE_MIB} MiB, median of ${RUNS}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}:\n` +
    `  @noble/hashes incremental (1 MiB chunks): ${rate(median(streamed)).toFixed(0)} MiB/s\n` +
    `  WebCrypto one-shot (whole buffer):        ${rate(median(oneShot)).toFixed(0)} MiB/s`,
);
