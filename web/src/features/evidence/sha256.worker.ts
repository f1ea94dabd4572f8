import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a file off the main thread, streaming: the file is read chunk by chunk through an
 * incremental hash, so memory stays at one chunk whatever the size (a 200 MB video included) and the
 * page stays responsive on a phone. Pure JavaScript: WebAssembly would need `wasm-unsafe-eval` in
 * the app's Content-Security-Policy.
 */
export type HashRequest = { readonly file: Blob };
export type HashMessage =
  | { readonly type: 'progress'; readonly hashed: number }
  | { readonly type: 'done'; readonly sha256: string }
  | { readonly type: 'error'; readonly message: string };

const post = (message: HashMessage) => (self as unknown as Worker).postMessage(message);
/** Progress at most every 4 MiB: enough for a smooth bar, few messages. */
const PROGRESS_EVERY = 4 * 1024 * 1024;

self.onmessage = async (event: MessageEvent<HashRequest>) => {
  try {
    const hash = sha256.create();
    const reader = event.data.file.stream().getReader();
    let hashed = 0;
    let reported = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      hash.update(value);
      hashed += value.byteLength;
      if (hashed - reported >= PROGRESS_EVERY) {
        reported = hashed;
        post({ type: 'progress', hashed });
      }
    }
    post({ type: 'done', sha256: bytesToHex(hash.digest()) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
