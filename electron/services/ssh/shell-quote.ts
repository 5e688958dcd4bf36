import { AppError } from '../../../shared/ipc/errors';

/** Characters that never need quoting in a POSIX shell word. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** A program name or absolute path: no spaces, quotes or shell syntax, and not an option. */
const PROGRAM = /^[A-Za-z0-9_/][A-Za-z0-9_.+/-]*$/;
const MAX_COMMAND_BYTES = 128 * 1024;

/**
 * Quotes one argument for a POSIX shell: bare when it is plainly safe, otherwise single-quoted
 * with each `'` written as `'\''`. Single quotes disable every expansion, so `$(…)`, globs and
 * `;` in a value stay literal.
 */
export function shellQuote(arg: string): string {
  if (arg === '') return "''";
  if (SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Joins argv into the single string SSH exec carries. Invariant: the remote shell sees exactly
 * these words. A NUL cannot be represented in a shell word and the program must be a plain
 * name, so both are refused rather than mangled.
 */
export function buildCommand(argv: readonly string[]): string {
  const [program] = argv;
  if (program === undefined) throw new AppError('INVALID_INPUT', 'No command to run: the argument list is empty.');
  if (!PROGRAM.test(program)) {
    throw new AppError(
      'INVALID_INPUT',
      `"${program}" is not a program name Hangar will run; use a plain name like "docker" or an absolute path.`,
      { program },
    );
  }
  argv.forEach((arg, index) => {
    if (arg.includes('\0'))
      throw new AppError('INVALID_INPUT', `Argument ${index} contains a NUL byte, which a remote command cannot receive.`, { index });
  });
  const command = argv.map(shellQuote).join(' ');
  if (Buffer.byteLength(command) > MAX_COMMAND_BYTES)
    throw new AppError('INVALID_INPUT', 'The command is longer than 128 KiB; pass large data on stdin instead.');
  return command;
}
