/** What names mean in one document: its columns, features and model candidates. */
import type * as A from '../syntax/ast.ts';
import type { ValueKind } from '../catalog/types.ts';
import type { ColumnProfile } from '../runtime/data/infer.ts';
import type { FeatureIR } from './ir.ts';

export interface ColumnInfo {
  name: string;
  kind: ValueKind;
  levels?: string[];
  missingShare: number;
  profile?: ColumnProfile;
  /** where the column is declared in the data block, if it is */
  declaration?: A.Name;
  /** levels written in the declaration (not just seen in the sample) */
  fixedLevels?: boolean;
}

export interface FeatureInfo {
  name: string;
  decl: A.FeatureDecl;
  ir?: FeatureIR;
}

export interface ModelInfo {
  name: string;
  decl: A.ModelDecl;
  model?: string;
}

export interface Scope {
  sourceName?: string;
  sourceDecl?: A.Name;
  /** false when the data file could not be read: column names cannot be checked */
  columnsKnown: boolean;
  /** the data sample stopped before the end of the file: levels seen may be incomplete */
  sampleTruncated: boolean;
  columns: Map<string, ColumnInfo>;
  features: Map<string, FeatureInfo>;
  models: Map<string, ModelInfo>;
  /** every resolved reference, for go-to-definition, references and rename */
  references: { name: A.Name; kind: 'column' | 'feature' | 'model' | 'source'; target: string }[];
}

export function emptyScope(): Scope {
  return { columnsKnown: false, sampleTruncated: false, columns: new Map(), features: new Map(), models: new Map(), references: [] };
}
