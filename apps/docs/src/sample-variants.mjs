// One TypeScript sample per named request example: the hand-written sample of the operation with
// its `body` replaced by the example's value, so the sample a reader picks sends exactly the
// example it is named after. The `generate` task writes the variants to src/generated/samples/,
// where `typecheck` checks them against the real clients like the hand-written samples.
import ts from 'typescript';

const identifier = /^[A-Za-z_$][\w$]*$/;

function quote(text) {
  return `'${String(text).replace(/[\\']/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A JSON value as a TypeScript literal in the repository's prettier style (2 spaces, 'quotes'). */
export function typescriptLiteral(value, indent = '') {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((item) => `${inner}${typescriptLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    const lines = entries.map(
      ([key, item]) =>
        `${inner}${identifier.test(key) ? key : quote(key)}: ${typescriptLiteral(item, inner)},`,
    );
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return quote(value);
  return JSON.stringify(value);
}

/**
 * @param {string} source the hand-written sample
 * @param {string} method the client method it calls (`updateSubscriptionOrder`)
 * @param {unknown} body the example's value
 * @returns {string} the sample sending `body`
 */
export function withBody(source, method, body) {
  const file = ts.createSourceFile('sample.ts', source, ts.ScriptTarget.Latest, true);
  let property;
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === method &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      property = node.arguments[0].properties.find(
        (p) => ts.isPropertyAssignment(p) && p.name.getText(file) === 'body',
      );
    }
    if (!property) ts.forEachChild(node, visit);
  };
  visit(file);
  if (!property)
    throw new Error(`the sample never calls ${method}({ body: … }): cannot show other examples`);
  const start = property.initializer.getStart(file);
  const lineStart = source.lastIndexOf('\n', start) + 1;
  const indent = /^\s*/.exec(source.slice(lineStart, start))[0];
  return `${source.slice(0, start)}${typescriptLiteral(body, indent)}${source.slice(property.initializer.end)}`;
}
