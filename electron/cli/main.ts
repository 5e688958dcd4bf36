import { runCli } from './index';

/** Process entry of `hangar` (`npm run hangar -- <args>`): wires stdout/stderr, Ctrl-C and the exit code. */
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
