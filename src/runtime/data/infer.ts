/**
 * Column type inference from a CSV sample, and checks of declared types.
 *
 * A cell is missing if it is empty, equals one of `opts.missing` (default
 * DEFAULT_MISSING: '', NA, N/A, NaN, null, ?), or is absent (short row).
 * Over the non-missing cells, the first rule that holds gives the type:
 *   1. none at all                        → text (nothing to go on)
 *   2. all integer literals (-12, 7)      → integer (class labels such as
 *                                            `digit` too: the checker decides)
 *   3. all numbers (1.5, 1e-5, inf)       → numeric
 *   4. all true/false/yes/no (any case)   → boolean
 *   5. all ISO dates (YYYY-MM-DD[ time])  → date
 *   6. distinct ≤ max(20, 5% of cells) and mean length < 40 characters
 *                                         → category
 *   7. otherwise                          → text
 * `levels` lists the distinct values (sorted with sortLevels) for every
 * type but text when there are at most MAX_LEVELS of them.
 * Row numbers are 1-based data rows, as in CsvError.
 */
import { DEFAULT_MISSING, type CsvSample } from './csv.ts';
import type { ColumnType } from './frame.ts';
import { isIntegerLiteral, parseBoolean, parseDate, parseNumber, sortLevels } from './parse.ts';

export const MAX_LEVELS = 100;

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** sorted distinct values (not for text); empty when levelsTruncated */
  levels: string[];
  /** row where each level first appears */
  levelRows: number[];
  /** more than MAX_LEVELS distinct values */
  levelsTruncated: boolean;
  /** sampled rows, and how many of them are missing here */
  rows: number;
  missing: number;
  missingShare: number;
  distinct: number;
  /** numeric, integer and date (epoch ms) columns */
  min?: number;
  max?: number;
  mean?: number;
  /** the most frequent values (at most 5), most frequent first */
  top: { value: string; count: number }[];
  /** the first non-missing value */
  example: string | null;
  /** the first sampled value that would not load as each type, if any */
  counterexamples: Partial<Record<ColumnType, { value: string; row: number }>>;
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no']);
const LOADABLE: Record<Exclude<ColumnType, 'text' | 'category'>, (v: string) => boolean> = {
  numeric: (v) => !Number.isNaN(parseNumber(v)),
  integer: (v) => Number.isInteger(parseNumber(v)),
  boolean: (v) => !Number.isNaN(parseBoolean(v)),
  date: (v) => !Number.isNaN(parseDate(v)),
};

/** Profiles every column of a sample and infers its type (rules in the module comment). */
export function inferColumns(sample: CsvSample, opts: { missing?: readonly string[] } = {}): ColumnProfile[] {
  const missing = new Set(opts.missing ?? DEFAULT_MISSING);
  return sample.header.map((name, c) => profileColumn(name, sample.rows.map((r) => r[c] ?? ''), missing));
}

function profileColumn(name: string, cells: string[], missingSet: Set<string>): ColumnProfile {
  const counts = new Map<string, { count: number; row: number }>();
  const counterexamples: ColumnProfile['counterexamples'] = {};
  let missing = 0, allInteger = true, allNumeric = true, allBoolean = true, allDate = true, totalLength = 0;
  let min = Infinity, max = -Infinity, sum = 0, dmin = Infinity, dmax = -Infinity;
  let example: string | null = null;
  cells.forEach((v, r) => {
    if (v === '' || missingSet.has(v)) { missing++; return; }
    example ??= v;
    totalLength += v.length;
    const seen = counts.get(v);
    if (seen) seen.count++; else counts.set(v, { count: 1, row: r + 1 });
    for (const t of Object.keys(LOADABLE) as (keyof typeof LOADABLE)[]) {
      if (!counterexamples[t] && !LOADABLE[t](v)) counterexamples[t] = { value: v, row: r + 1 };
    }
    const x = parseNumber(v);
    allNumeric &&= !Number.isNaN(x);
    allInteger &&= allNumeric && isIntegerLiteral(v);
    if (allNumeric) { min = Math.min(min, x); max = Math.max(max, x); sum += x; }
    allBoolean &&= BOOLEAN_WORDS.has(v.toLowerCase());
    const d = allDate ? parseDate(v) : NaN;
    allDate &&= !Number.isNaN(d);
    if (allDate) { dmin = Math.min(dmin, d); dmax = Math.max(dmax, d); }
  });
  const present = cells.length - missing;
  const distinct = counts.size;
  let type: ColumnType;
  if (present === 0) type = 'text';
  else if (allInteger) type = 'integer';
  else if (allNumeric) type = 'numeric';
  else if (allBoolean) type = 'boolean';
  else if (allDate) type = 'date';
  else if (distinct <= Math.max(20, 0.05 * present) && totalLength / present < 40) type = 'category';
  else type = 'text';

  const levelsTruncated = distinct > MAX_LEVELS;
  const levels = type === 'text' || levelsTruncated ? [] : sortLevels([...counts.keys()]);
  const top = [...counts].sort((a, b) => b[1].count - a[1].count || a[1].row - b[1].row)
    .slice(0, 5).map(([value, { count }]) => ({ value, count }));
  const profile: ColumnProfile = {
    name, type, levels, levelRows: levels.map((l) => counts.get(l)!.row), levelsTruncated,
    rows: cells.length, missing, missingShare: cells.length ? missing / cells.length : 0, distinct, top, example, counterexamples,
  };
  if (present > 0 && (type === 'integer' || type === 'numeric')) Object.assign(profile, { min, max, mean: sum / present });
  if (present > 0 && type === 'date') Object.assign(profile, { min: dmin, max: dmax });
  return profile;
}

/**
 * Lists sampled values that would not load as the declared type (and, for a
 * category with declared levels, values outside them), as messages like
 * "value 'abc' at row 17 does not parse as numeric". Empty if none.
 */
export function checkDeclaredType(profile: ColumnProfile, declared: ColumnType, levels?: readonly string[]): string[] {
  if (declared === 'text') return [];
  if (declared === 'category') {
    if (!levels) return [];
    if (profile.levelsTruncated) return [`column has more than ${MAX_LEVELS} distinct values but ${levels.length} declared levels`];
    const allowed = new Set(levels);
    return profile.levels.flatMap((l, i) => allowed.has(l) ? [] :
      [`value '${l}' at row ${profile.levelRows[i]} is not one of the declared levels`]);
  }
  const bad = profile.counterexamples[declared];
  return bad ? [`value '${bad.value}' at row ${bad.row} does not parse as ${declared}`] : [];
}
