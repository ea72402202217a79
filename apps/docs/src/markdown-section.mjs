// Reads a part of a Markdown file (a section under a heading, a fenced code block) and renders
// it, so a page can show what a README says without a second copy that could drift.
import { marked } from 'marked';

const fence = /^(```|~~~)/;

/** Lines of the file, each marked as inside a fenced code block or not. */
function classifiedLines(markdown) {
  let inFence = false;
  return markdown.split('\n').map((line) => {
    const isFence = fence.test(line);
    const entry = { line, inFence: inFence || isFence };
    if (isFence) inFence = !inFence;
    return entry;
  });
}

/**
 * The body of the section under `heading` (the exact heading line, e.g. `### Rules`), up to the
 * next heading of the same or a higher level. A heading that is not there fails the build.
 */
export function markdownSection(markdown, heading, where = 'the Markdown file') {
  const level = /^#+/.exec(heading)?.[0].length;
  if (!level) throw new Error(`not a Markdown heading: ${heading}`);
  const lines = classifiedLines(markdown);
  const start = lines.findIndex(({ line, inFence }) => !inFence && line.trim() === heading);
  if (start < 0) throw new Error(`${where} has no section "${heading}"`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex(({ line, inFence }) => {
    const match = !inFence && /^(#+)\s/.exec(line);
    return match && match[1].length <= level;
  });
  return (end < 0 ? rest : rest.slice(0, end))
    .map(({ line }) => line)
    .join('\n')
    .trim();
}

/**
 * The content of the first fenced code block of `lang` in `markdown`, as written.
 * @returns {string}
 */
export function firstCodeBlock(markdown, lang, where = 'the Markdown section') {
  const match = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(markdown);
  if (!match) throw new Error(`${where} has no \`\`\`${lang} block`);
  return match[1];
}

/** GitHub-flavoured Markdown to HTML (tables included). */
export function renderMarkdown(markdown) {
  return marked.parse(markdown, { gfm: true, async: false, mangle: false, headerIds: false });
}
