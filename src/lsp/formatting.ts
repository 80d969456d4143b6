/** textDocument/formatting: the same layout as `mlp fmt`; a file with syntax errors is left alone. */
import type { TextEdit } from 'vscode-languageserver';
import { formatText } from '../format/format.ts';
import type { LineMap } from '../diagnostics/positions.ts';
import { toRange } from './convert.ts';

export function handleFormatting(text: string, lines: LineMap): TextEdit[] {
  const result = formatText(text);
  if ('error' in result || !result.changed) return [];
  return [{ range: toRange(lines, { start: 0, end: text.length }), newText: result.text }];
}
