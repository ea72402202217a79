// Entry for runtimes with a process (Deno, Bun): reads the context file named by
// HWSEC_PORTABLE_CONTEXT, runs every suite and prints the results as one marked JSON line.
// (node:fs/promises is the one file API Node, Deno and Bun share.)
import { readFile } from 'node:fs/promises';
import { runAllSuites } from './all-suites.ts';
import type { PortableContext } from './context.ts';
import { RESULTS_MARK } from './harness.ts';

const path = process.env['HWSEC_PORTABLE_CONTEXT'];
if (!path) throw new Error('HWSEC_PORTABLE_CONTEXT names no context file');
const context = JSON.parse(await readFile(path, 'utf8')) as PortableContext;
console.log(RESULTS_MARK + JSON.stringify(await runAllSuites(context)));
