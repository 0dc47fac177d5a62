// `npm start` and `npm run cluster`: compiles a launcher (scripts/<name>.ts) into one ES module with
// esbuild and runs it under plain node. A launcher stays up as long as its stack; under tsx it would
// also hold tsx's loader and an esbuild service process, about 50 MiB for nothing. The esbuild command
// line runs once and exits (its JavaScript API would keep a service process running). The bundle lies
// two levels below the repository root, as scripts/lib/ does, so the paths it resolves from its own
// location stay the same.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LAUNCHERS = ['start', 'cluster'];
const name = process.argv[2];
if (!LAUNCHERS.includes(name)) {
  console.error(`usage: node scripts/launch.mjs ${LAUNCHERS.join('|')}`);
  process.exit(2);
}
const outfile = fileURLToPath(new URL(`../dist/launcher/${name}.mjs`, import.meta.url));
const esbuild = createRequire(import.meta.url).resolve('esbuild/bin/esbuild');
const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
const options = ['--bundle', '--packages=external', '--platform=node', '--format=esm', '--target=node20', '--log-level=warning'];
const args = [entry, ...options, `--outfile=${outfile}`];
// esbuild/bin/esbuild is a Node script, unless esbuild's install script replaced it with the binary.
const isScript = readFileSync(esbuild).subarray(0, 2).toString() === '#!';
if (isScript) execFileSync(process.execPath, [esbuild, ...args], { stdio: 'inherit' });
else execFileSync(esbuild, args, { stdio: 'inherit' });
await import(pathToFileURL(outfile).href);
