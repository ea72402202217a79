// Finds every shell command the documentation shows: fenced `sh`/`bash`/`shell` blocks of every
// Markdown file in the repository (READMEs, CONTRIBUTING, …) and the `<pre><code>` blocks of the
// built docs pages, English and Chinese (the landing page and "Testing a flow", whose commands
// come from apps/docs/templates and the mock's README). Inline mentions (`pnpm bench` in a
// sentence) are collected apart: they are checked to name a script that exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocumentedCommand {
  /** The command as a shell gets it: continuation lines joined, the trailing comment removed. */
  readonly command: string;
  /** `pnpm mock &` in a block: the documentation starts it in the background. */
  readonly background: boolean;
  /** Where it is shown, e.g. `apps/mock/README.md` or `apps/docs/dist/zh-CN/index.html`. */
  readonly sources: readonly string[];
}

const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  '.git',
  '.turbo',
  '.changeset',
  'reports',
  '.stryker-tmp',
  'test-results',
]);

function filesUnder(dir: string, keep: (name: string) => boolean, skip = SKIPPED_FOLDERS) {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep, skip));
    else if (keep(entry.name)) found.push(path);
  }
  return found.sort();
}

export function markdownFiles(repo: string): string[] {
  return filesUnder(repo, (name) => name.endsWith('.md'));
}

export function builtDocsPages(docsDist: string): string[] {
  return filesUnder(docsDist, (name) => name.endsWith('.html'), new Set());
}

/** The text of an HTML `<pre><code>` block as a reader copies it. */
export function unescapeHtml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

const SHELL_START = /^(pnpm|npm|npx|node|bash|export|[A-Z][A-Z0-9_]*=\S*)(\s|$)/;

/** The shell blocks of one file's text. */
export function shellBlocks(text: string, fileName: string): string[] {
  if (fileName.endsWith('.md'))
    return [...text.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return [...text.matchAll(/<pre(?: id="[^"]*")?><code>([\s\S]*?)<\/code><\/pre>/g)]
    .map((m) => unescapeHtml(m[1]!))
    .filter((code) => SHELL_START.test(code.trimStart()));
}

/** Strips a ` # comment` (a `#` after blank space, outside quotes) from one logical line. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/** One block → its commands: `\` continuations joined, comments dropped, `a && b` split. */
export function commandsOfBlock(block: string): Array<{ command: string; background: boolean }> {
  const logical = block.replace(/\\\n\s*/g, '').split('\n');
  const commands: Array<{ command: string; background: boolean }> = [];
  for (const line of logical) {
    const code = withoutComment(line).trim();
    if (code === '') continue;
    for (const part of code.split(' && ')) {
      const background = /\s&$/.test(part);
      commands.push({ command: part.replace(/\s&$/, '').trim(), background });
    }
  }
  return commands;
}

/** Every command shown in a shell block, once, with every place that shows it. */
export function documentedCommands(repo: string, docsDist: string): DocumentedCommand[] {
  const byCommand = new Map<string, { background: boolean; sources: string[] }>();
  for (const file of [...markdownFiles(repo), ...builtDocsPages(docsDist)]) {
    const source = relative(repo, file);
    for (const block of shellBlocks(readFileSync(file, 'utf8'), file))
      for (const { command, background } of commandsOfBlock(block)) {
        const seen = byCommand.get(command) ?? { background, sources: [] };
        if (!seen.sources.includes(source)) seen.sources.push(source);
        byCommand.set(command, seen);
      }
  }
  return [...byCommand].map(([command, { background, sources }]) => ({
    command,
    background,
    sources,
  }));
}

/** `pnpm …` written inline in prose (Markdown backticks, HTML `<code>`), with where. */
export function inlinePnpmMentions(repo: string, docsDist: string): Map<string, string[]> {
  const mentions = new Map<string, string[]>();
  const add = (command: string, source: string) => {
    const sources = mentions.get(command) ?? [];
    if (!sources.includes(source)) sources.push(source);
    mentions.set(command, sources);
  };
  for (const file of markdownFiles(repo)) {
    const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    for (const m of text.matchAll(/(?<!`)`(pnpm [^`\n]+)`(?!`)/g)) add(m[1]!, relative(repo, file));
  }
  for (const file of builtDocsPages(docsDist)) {
    const text = readFileSync(file, 'utf8').replace(/<pre[\s\S]*?<\/pre>/g, '');
    for (const m of text.matchAll(/<code>(pnpm [^<]+)<\/code>/g))
      add(unescapeHtml(m[1]!), relative(repo, file));
  }
  return mentions;
}
