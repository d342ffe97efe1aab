// The rows of the benchmark table and how they are written (shared by every part of the bench).

export interface Row {
  what: string;
  setting: string;
  rate: string;
  p50: string;
  p99: string;
  rss: string;
  note: string;
}

export const fixed = (n: number, digits = 1) => n.toFixed(digits);
/** autocannon counts latency in whole milliseconds */
export const ms = (n: number) => (n < 1 ? '< 1' : fixed(n));
export const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function table(rows: Row[]): string {
  const header = ['What', 'Setting', 'Per second', 'p50 (ms)', 'p99 (ms)', 'RSS (MB)', 'Notes'];
  const lines = rows.map((r) => [r.what, r.setting, r.rate, r.p50, r.p99, r.rss, r.note]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
