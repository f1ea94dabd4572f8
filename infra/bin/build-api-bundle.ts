import { buildApiBundle } from '../lib/api-bundle.ts';

const [outdir] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: build-api-bundle.ts <output folder>');
  process.exit(2);
}
await buildApiBundle(outdir);
