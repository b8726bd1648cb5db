export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Nearest-rank median and p95, the same definition as baseline.ts uses. */
export function summary(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0] ?? Number.NaN), max: round(sorted.at(-1) ?? Number.NaN) };
}

export const fmt = (s: Pick<Summary, 'median' | 'p95' | 'min' | 'max'>) => `median ${s.median}, p95 ${s.p95} (min ${s.min}, max ${s.max})`;

export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : Number.NaN);

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads `--name N` from argv; `fallback` when missing or not a non-negative number. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? Number.NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Runs a garbage collection when the process was started with --expose-gc, so RSS readings settle. */
export function collect(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}
