/** Nearest-name suggestions for unknown names. */

/**
 * Damerau–Levenshtein (optimal string alignment) distance, case-insensitive.
 * With `limit`, stops as soon as the distance must exceed it and returns
 * `limit + 1` (the language server asks this for hundreds of names per keystroke).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  // three rows of the DP table: two back (transpositions), previous, current
  let back = new Array<number>(n + 1).fill(0), prev = new Array<number>(n + 1), row = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, back[j - 2] + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [back, prev, row] = [prev, row, back];
  }
  return Math.min(prev[n], limit + 1);
}

/** The candidates close enough to `name` to suggest, best first. */
export function suggestions(name: string, candidates: Iterable<string>): string[] {
  const threshold = Math.max(1, Math.floor(name.length * 0.4));
  const lowerName = name.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const lower = c.toLowerCase();
    const dist = lower === lowerName ? 0 : editDistance(lowerName, lower, threshold);
    const prefix = name.length >= 3 && lower.startsWith(lowerName);
    if (dist <= threshold || prefix) scored.push([c, Math.min(dist, threshold)]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).map(([c]) => c);
}

/** "Did you mean `x`?" (or nothing when nothing is close). */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const [best, second] = suggestions(name, candidates);
  if (!best) return undefined;
  return second ? `Did you mean \`${best}\` or \`${second}\`?` : `Did you mean \`${best}\`?`;
}
