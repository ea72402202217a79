// Fills templates/landing.html from the bundles: the service cards and the operation table are
// generated from the spec, never kept by hand.
import { listOperations } from './operations.mjs';

export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Fills `{{name}}` slots; an unknown or unused slot is a template bug, so it fails the build. */
export function fillTemplate(template, values) {
  const used = new Set();
  const html = template.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`landing template slot {{${name}}} has no value`);
    used.add(name);
    return values[name];
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`landing template lacks slots: ${unused.join(', ')}`);
  return html;
}

/** The mock's default key pair (checked only with --verify-signatures) and a placeholder project. */
const MOCK_SETTINGS = [
  'HUAWEICLOUD_SDK_AK=AKTESTEXAMPLE0000000',
  'HUAWEICLOUD_SDK_SK=SKtestexample0000000000000000000000000000',
  'HUAWEICLOUD_SDK_PROJECT_ID=0123456789abcdef0123456789abcdef',
];

/** The `export` line pointing every client at the local mock, wrapped at 100 columns. */
export function mockEnvironment(services) {
  const words = [
    ...services.map(
      (service) =>
        `HWSEC_${service.id.replace(/-/g, '_').toUpperCase()}_BASE_URL=http://127.0.0.1:${service.mockPort}`,
    ),
    ...MOCK_SETTINGS,
  ];
  const lines = [];
  let line = 'export';
  for (const word of words) {
    if (line.length + 1 + word.length + 2 > 100) {
      lines.push(`${line} \\`);
      line = ' ';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

/**
 * @param {object} options
 * @param {string} options.template the page template, already in the page's language
 * @param {string} options.styles the page's CSS
 * @param {Array<{ service: object, doc: object, page: string, specFile: string }>} options.apis
 *   each API's bundle in the page's language, its reference page and its download, relative to
 *   the landing page
 * @param {{ service: object, source: string }} options.clientSample one TypeScript sample, shown
 *   verbatim, and the API whose client it calls
 * @param {(op: object) => string} options.operationAnchor fragment of an operation in its page
 * @param {Record<string, any>} options.text the page language's labels (site-languages.mjs)
 * @param {string} options.languageSwitch @param {string} options.alternates
 */
export function renderLandingPage({
  template,
  styles,
  apis,
  clientSample,
  operationAnchor,
  text,
  languageSwitch,
  alternates,
}) {
  const serviceCards = apis
    .map(({ service, doc, page, specFile }) => {
      const count = listOperations(doc).length;
      return `
        <div class="card">
          <a href="${page}"><strong>${escapeHtml(service.name)} ${escapeHtml(text.reference)}</strong>${escapeHtml(doc.info.title)}</a>
          <small>${escapeHtml(text.operations(count))} · ${escapeHtml(text.spec)} ${escapeHtml(doc.info.version)} ·
            <a href="${specFile}" download>${escapeHtml(text.download)}</a></small>
        </div>`;
    })
    .join('');
  const operationRows = apis
    .flatMap(({ service, doc, page }) =>
      listOperations(doc).map(
        (op) => `
            <tr data-operation-id="${escapeHtml(op.operationId)}">
              <td>${escapeHtml(service.name)}</td>
              <td><span class="method method-${op.method}">${op.method.toUpperCase()}</span></td>
              <td><code>${escapeHtml(op.path)}</code></td>
              <td><a href="${page}${operationAnchor(op)}"><code>${escapeHtml(op.operationId)}</code></a></td>
              <td>${escapeHtml(op.summary)}</td>
            </tr>`,
      ),
    )
    .join('');
  return fillTemplate(template, {
    styles,
    alternates,
    languageSwitch,
    serviceCards,
    operationRows,
    clientPackages: apis
      .filter(({ service }) => service.clientPackage)
      .map(({ service }) => `<code>${escapeHtml(service.clientPackage)}</code>`)
      .join(', '),
    clientSample: escapeHtml(clientSample.source.trim()),
    // `pnpm pack:all` names a tarball after its package: @hwsec/hss → hwsec-hss-<version>.tgz.
    sampleClientTarball: escapeHtml(
      `${clientSample.service.clientPackage.replace(/^@/, '').replace('/', '-')}-*.tgz`,
    ),
    mockEnvironment: escapeHtml(mockEnvironment(apis.map(({ service }) => service))),
    mockPorts: apis
      .map(({ service }) => `${service.name} on 127.0.0.1:${service.mockPort}`)
      .join(', '),
    specVersions: apis
      .map(({ service, doc }) => `${service.name} ${escapeHtml(doc.info.version)}`)
      .join(', '),
  });
}
