// Not a test: times the exports and the import on 100,000 synthetic annotations (median of three runs).
//   npx vite-node tests/unit/exchange/measure-speed.ts
import { annotationsCsv } from '../../../exchange/csv';
import { parseW3CText } from '../../../exchange/jsonld-import';
import { annotationCollectionJson } from '../../../exchange/jsonld';
import { collect } from '../../../exchange/stream';
import { annotationsXlsx } from '../../../exchange/xlsx';
import { context, syntheticAnnotations } from './fixtures';

const COUNT = 100_000;
const ctx = context();

async function median(label: string, run: () => Promise<string>): Promise<void> {
  const times: number[] = [];
  let detail = '';
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    detail = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${(times[1] / 1000).toFixed(2)} s (runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')}) ${detail}`);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const json = await collect(annotationCollectionJson(syntheticAnnotations(COUNT), ctx));
const jsonBytes = new TextEncoder().encode(json).length;

await median('CSV export', async () => {
  const text = await collect(annotationsCsv(syntheticAnnotations(COUNT), ctx, { lang: 'zh' }));
  return mb(new TextEncoder().encode(text).length);
});
await median('JSON-LD export', async () => {
  const text = await collect(annotationCollectionJson(syntheticAnnotations(COUNT), ctx));
  return mb(new TextEncoder().encode(text).length);
});
await median('Excel export', async () => mb((await annotationsXlsx(syntheticAnnotations(COUNT), ctx, { lang: 'zh' })).size));
await median('JSON-LD import', async () => {
  const result = parseW3CText(json, jsonBytes, { maxBytes: Infinity });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return `${result.annotations.length} annotations`;
});
