import type { CoreWarning } from '../core';
import { describeWarning } from '../messages/coreMessages';

/**
 * Prints each warning on stderr as "Warning: …" and returns them as English sentences for the JSON output
 * (the command line speaks English; core's warnings are codes, the CLI's own are already sentences).
 */
export function reportWarnings(
  io: { stderr: (text: string) => void },
  warnings: readonly (CoreWarning | string)[],
): string[] {
  const sentences = warnings.map((warning) => (typeof warning === 'string' ? warning : describeWarning(warning, 'en')));
  for (const sentence of sentences) io.stderr(`Warning: ${sentence}\n`);
  return sentences;
}
