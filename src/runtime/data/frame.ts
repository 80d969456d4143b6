/**
 * The in-memory table the runtime works on: one typed column per name.
 * Missing values: NaN in numeric columns, -1 in category codes, null in text.
 */
export type ColumnType = 'numeric' | 'integer' | 'boolean' | 'category' | 'text' | 'date';

/** numeric, integer, boolean (0/1) and date (epoch milliseconds, UTC) columns. */
export interface NumericColumn {
  kind: 'numeric';
  type: 'numeric' | 'integer' | 'boolean' | 'date';
  values: Float64Array;
}

/** A category column: codes index into levels; -1 means missing. */
export interface CategoryColumn {
  kind: 'category';
  type: 'category';
  codes: Int32Array;
  levels: string[];
}

export interface TextColumn {
  kind: 'text';
  type: 'text';
  values: (string | null)[];
}

export type Column = NumericColumn | CategoryColumn | TextColumn;

export interface Frame {
  rows: number;
  /** column order as in the source */
  names: string[];
  columns: Map<string, Column>;
}
