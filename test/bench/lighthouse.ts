/**
 * Lighthouse on the public pages, as the issue measured them: the default (mobile) preset, which
 * simulates a slow 4G connection (150 ms RTT, 1.6 Mbps) and a 4× slower CPU, against the gzip proxy.
 * Each page runs RUNS times in a fresh headless Chromium; the medians are compared with the targets.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const LIGHTHOUSE_TARGETS = { performance: 95, lcpMs: 2500, cls: 0.1 } as const;

export interface LighthouseFigures {
  readonly performance: number;
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  readonly speedIndexMs: number;
  /** Lighthouse's measure of this machine's speed at the time (a loaded machine scores low). */
  readonly benchmarkIndex: number;
  /** Main-thread time as observed (before the 4× simulation), all of it and JavaScript's part. */
  readonly mainThreadMs: number;
  readonly scriptMs: number;
}

export interface PageResult {
  readonly name: string;
  readonly url: string;
  readonly runs: readonly LighthouseFigures[];
  readonly median: LighthouseFigures;
  readonly met: boolean;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** The text of the largest contentful paint's element, from the LCP breakdown insight. */
function lcpElementOf(details: unknown): string {
  const items = (details as { items?: { type?: string; nodeLabel?: string }[] } | undefined)?.items ?? [];
  return items.find((item) => item.type === 'node')?.nodeLabel?.slice(0, 40) ?? '?';
}

/** Script evaluation, parsing and compilation in the main-thread breakdown. */
function scriptingMs(details: unknown): number {
  const items = (details as { items?: { group?: string; duration?: number }[] } | undefined)?.items ?? [];
  return items
    .filter((item) => item.group === 'scriptEvaluation' || item.group === 'scriptParseCompile')
    .reduce((sum, item) => sum + (item.duration ?? 0), 0);
}

async function audit(url: string, chromiumPath: string): Promise<LighthouseFigures & { lcpElement: string }> {
  // A fresh browser per run: nothing cached, no warm service worker or HTTP connection.
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      logLevel: 'error',
      output: 'json',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const numeric = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse on ${url} has no ${id}`);
      return value;
    };
    if (process.env.LIGHTHOUSE_DEBUG) {
      for (const id of Object.keys(lhr.audits).filter((key) =>
        /lcp|layout-shifts|long-task|mainthread|bootup/.test(key),
      )) {
        console.log(id, String(JSON.stringify(lhr.audits[id]?.details)).slice(0, 2500));
      }
    }
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: numeric('first-contentful-paint'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      speedIndexMs: numeric('speed-index'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      mainThreadMs: numeric('mainthread-work-breakdown'),
      scriptMs: scriptingMs(lhr.audits['mainthread-work-breakdown']?.details),
      lcpElement: lcpElementOf(lhr.audits['lcp-breakdown-insight']?.details),
    };
  } finally {
    chrome.kill();
  }
}

/** Lighthouse's trace recording fails now and then on a loaded machine (NO_NAVSTART): try again. */
async function auditWithRetry(
  url: string,
  chromiumPath: string,
): Promise<LighthouseFigures & { lcpElement: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, chromiumPath);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`lighthouse ${url}: ${(error as Error).message}; trying again`);
    }
  }
}

export async function lighthousePages(
  pages: readonly { name: string; url: string }[],
  options: { runs: number; chromiumPath: string },
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    const runs: LighthouseFigures[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const figures = await auditWithRetry(page.url, options.chromiumPath);
      runs.push(figures);
      console.log(
        `lighthouse ${page.name} run ${run}: performance ${figures.performance}, LCP ${figures.lcpMs.toFixed(0)} ms (“${figures.lcpElement}”), CLS ${figures.cls.toFixed(3)}, TBT ${figures.tbtMs.toFixed(0)} ms, main thread ${figures.mainThreadMs.toFixed(0)} ms (script ${figures.scriptMs.toFixed(0)} ms), benchmark index ${figures.benchmarkIndex.toFixed(0)}`,
      );
    }
    const pick = (key: keyof LighthouseFigures) => median(runs.map((figures) => figures[key]));
    const figures: LighthouseFigures = {
      performance: pick('performance'),
      fcpMs: pick('fcpMs'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      cls: pick('cls'),
      speedIndexMs: pick('speedIndexMs'),
      benchmarkIndex: pick('benchmarkIndex'),
      mainThreadMs: pick('mainThreadMs'),
      scriptMs: pick('scriptMs'),
    };
    const met =
      figures.performance >= LIGHTHOUSE_TARGETS.performance &&
      figures.lcpMs <= LIGHTHOUSE_TARGETS.lcpMs &&
      figures.cls <= LIGHTHOUSE_TARGETS.cls;
    results.push({ ...page, runs, median: figures, met });
  }
  return results;
}

export function printLighthouse(results: readonly PageResult[], runs: number): void {
  const { performance, lcpMs, cls } = LIGHTHOUSE_TARGETS;
  console.log('');
  console.log(
    `Lighthouse, mobile preset (simulated slow 4G, 4× CPU), gzip, median of ${runs}; targets: performance ≥ ${performance}, LCP ≤ ${lcpMs} ms, CLS ≤ ${cls}`,
  );
  console.log(
    '  page               perf    FCP ms    LCP ms    TBT ms     CLS    SI ms   bench. index   main thread (script) ms',
  );
  for (const { name, median: m, met } of results) {
    console.log(
      `  ${name.padEnd(17)} ${String(m.performance).padStart(5)} ${m.fcpMs.toFixed(0).padStart(9)} ${m.lcpMs.toFixed(0).padStart(9)} ${m.tbtMs.toFixed(0).padStart(9)} ${m.cls.toFixed(3).padStart(7)} ${m.speedIndexMs.toFixed(0).padStart(8)} ${m.benchmarkIndex.toFixed(0).padStart(14)}   ${`${m.mainThreadMs.toFixed(0)} (${m.scriptMs.toFixed(0)})`.padStart(23)}   ${met ? 'met' : 'MISSED'}`,
    );
  }
}
