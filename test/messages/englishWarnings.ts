import type { CoreWarning } from '../../src/core';
import { describeWarning } from '../../src/messages/coreMessages';

/** Core's warnings as the English sentences a user reads, for tests that check what a warning says. */
export function englishWarnings(warnings: readonly CoreWarning[]): string[] {
  return warnings.map((warning) => describeWarning(warning, 'en'));
}
