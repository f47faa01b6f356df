/** The exit codes of every command, printed in the help (README and docs/cli.md repeat them). */
export const EXIT_CODES = `Exit codes:
  0  done
  1  the input cannot be used (missing file, a folder, not a CSV file, undecodable text, mixed decimal
     marks, no usable rows, a model that cannot be fitted)
  2  usage error (unknown option, bad option value, no file, --out naming the input file)
  3  the output cannot be written (--out in a missing or read-only folder, a full disk, a closed pipe)`;

/** The `where.argument` of a BAD_ARGUMENT about what a file contains (not how it was named): exit code 1. */
export const FILE_CONTENTS = 'file contents';
