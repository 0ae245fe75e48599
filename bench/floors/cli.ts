// The floors the start-up goals are judged against (bench/scenarios/10-startup-paths.mjs):
// the least a program can do on each path, built exactly as plexconsole is (scripts/build.mjs:
// a small CommonJS entry that loads each program as a piece with its V8 code cache).
//
//   floor request SERVER TOKEN_FILE   one undici request to GET /v1/auth/whoami, body printed
//   floor ink [--once]                Ink's first frame: a header line and one row
//
// `whoami` cannot start, ask and exit faster than `request`; the console cannot show its
// first frame faster than `ink`.
async function main(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what === 'request') {
    const {floorRequest} = await import('./request.js');
    return floorRequest(rest);
  }
  if (what === 'ink') {
    const {floorInk} = await import('./ink.js');
    return floorInk(rest);
  }
  // No program: load nothing (the build's code-cache runs load pieces by name).
  return what === undefined ? 0 : 2;
}

// Exit as src/cli.ts does: after stdout has drained.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
});
