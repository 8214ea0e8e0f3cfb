#!/usr/bin/env -S node --max-semi-space-size=16
// The CLI is TypeScript run by Node's type stripping, which needs Node 22.18 or later;
// `npm run` and `npx` put the pinned Node from node_modules/.bin first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`handbook needs Node 22.18 or later (this is ${process.version}); run it through npx or npm run.\n`);
  process.exit(2);
}
// Node strips types only outside node_modules: an installed handbook runs the CLI that its
// `prepare` script compiled into lib/ (every module of src/cli/ and src/check/, same paths),
// and a checkout runs its sources.
const installed = new URL(import.meta.url).pathname.split('/').includes('node_modules');
const load = (module) => import(installed ? `../lib/${module}.js` : `../src/${module}.ts`);
const { crashReport, EXIT } = await load('cli/io');
// Exit once output is flushed: Astro's build can leave handles open (workers, telemetry)
// that would otherwise keep `handbook build` alive after it has finished.
const exit = (code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
// An error thrown outside any command's reach (a callback inside Astro, a module that does
// not load) is still an internal error: one line, exit 3, the stack only when debugging.
const crash = (error) => {
  process.stderr.write(crashReport('handbook', error));
  exit(EXIT.internal);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
try {
  const { main } = await load('cli/main');
  const { useColour } = await load('check/colour');
  exit(await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour: useColour(process.stdout),
  }));
} catch (error) {
  crash(error);
}
