/** A small, strict argument parser: `--flag value`, `--flag=value`, `--switch`, `-o value`. */
export type Flags = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | boolean | undefined>;
  error?: string;
}

const aliases: Record<string, string> = { o: 'out', q: 'quiet', h: 'help', t: 'threads' };

export function parseArgs(argv: readonly string[], spec: Flags): ParsedArgs {
  const positional: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { positional.push(a); continue; }
    let [name, value] = a.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    name = aliases[name] ?? name;
    const kind = spec[name];
    if (!kind) return { positional, flags, error: `unknown option ${a}` };
    if (kind === 'boolean') {
      if (value !== undefined) return { positional, flags, error: `${a} takes no value` };
      flags[name] = true;
    } else {
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined) return { positional, flags, error: `${a} needs a value` };
      }
      flags[name] = value;
    }
  }
  return { positional, flags };
}
