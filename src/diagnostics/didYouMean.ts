/** Nearest-name suggestions for unknown names. */

/** Damerau–Levenshtein (optimal string alignment) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidates close enough to `name` to suggest, best first. */
export function suggestions(name: string, candidates: Iterable<string>): string[] {
  const threshold = Math.max(1, Math.floor(name.length * 0.4));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const lower = c.toLowerCase() === name.toLowerCase();
    const dist = lower ? 0 : editDistance(name, c);
    const prefix = c.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3;
    if (dist <= threshold || prefix) scored.push([c, prefix && dist > threshold ? threshold : dist]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).map(([c]) => c);
}

/** "Did you mean `x`?" (or nothing when nothing is close). */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const [best, second] = suggestions(name, candidates);
  if (!best) return undefined;
  return second ? `Did you mean \`${best}\` or \`${second}\`?` : `Did you mean \`${best}\`?`;
}
