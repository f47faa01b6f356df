/** Command-line arguments split into positionals and `--name value` / `--flag` options. */
export interface ParsedArguments {
  positionals: string[];
  options: Map<string, string | true>;
}

/**
 * Splits argv into positionals and options; `--name=value` and `--name value` both work, a `--name` followed
 * by another option or nothing is a flag (`true`). Names in `flags` never take a value, so
 * `--predict data.csv` keeps data.csv as a positional.
 *
 * @example
 * parseArguments(['data.csv', '--bins', '4', '--help']).options.get('bins') // => '4'
 */
export function parseArguments(
  argv: readonly string[],
  flags: ReadonlySet<string> = new Set(['help']),
): ParsedArguments {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '-h') {
      options.set('help', true);
    } else if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      if (equals > 0) {
        options.set(argument.slice(2, equals), argument.slice(equals + 1));
        continue;
      }
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--') && !flags.has(argument.slice(2))) {
        options.set(argument.slice(2), next);
        index += 1;
      } else {
        options.set(argument.slice(2), true);
      }
    } else {
      positionals.push(argument);
    }
  }
  return { positionals, options };
}
