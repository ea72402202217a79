// The "Placing orders safely" page (templates/orders.html): what an ambiguous order failure means
// and how to reconcile it. The order operations it lists are the spec's (`x-hwsec-order` of each
// bundle's operations), and the sample is @hwsec/bss's examples/placing-orders-safely.ts shown
// byte for byte (shipped with the client, shown in its README, run against the mock by its tests
// and the onboarding samples suite). Nothing here is a copy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escapeHtml, fillTemplate } from './landing-page.mjs';
import { listOperations } from './operations.mjs';

/** The page's sample: an example the BSS client ships. */
export function ordersSampleFile() {
  const bssDir = dirname(createRequire(import.meta.url).resolve('@hwsec/bss/package.json'));
  return join(bssDir, 'examples', 'placing-orders-safely.ts');
}

export function readOrdersSample() {
  return readFileSync(ordersSampleFile(), 'utf8');
}

/**
 * One row per operation of the bundles that buys or pays (`x-hwsec-order`), with the BSS
 * service type its orders are listed under.
 * @param {Array<{ service: { id: string, name?: string }, doc: object }>} apis
 */
export function orderOperationRows(apis) {
  return apis
    .flatMap(({ service, doc }) =>
      listOperations(doc)
        .filter((op) => op.operation['x-hwsec-order'])
        .map((op) => {
          const order = op.operation['x-hwsec-order'];
          const recorded = order.pays
            ? `<code>${escapeHtml(order.pays)}</code>`
            : `<code>${escapeHtml(order['service-type'])}</code>`;
          const when = order['only-when']
            ? ` (${Object.entries(order['only-when'])
                .map(([field, value]) => `<code>${escapeHtml(`${field}: ${value}`)}</code>`)
                .join(', ')})`
            : '';
          return `
            <tr data-operation-id="${escapeHtml(op.operationId)}">
              <td>${escapeHtml(doc['x-hwsec-name'] ?? service.id)}</td>
              <td><code>${escapeHtml(op.operationId)}</code>${when}</td>
              <td>${recorded}</td>
            </tr>`;
        }),
    )
    .join('');
}

/**
 * @param {object} options
 * @param {string} options.template templates/orders.html, already in the page's language
 * @param {string} options.styles @param {string} options.alternates
 * @param {string} options.languageSwitch @param {string} options.example the sample
 * @param {Array<{ service: object, doc: object }>} options.apis
 */
export function renderOrdersPage({ template, styles, alternates, languageSwitch, example, apis }) {
  return fillTemplate(template, {
    styles,
    alternates,
    languageSwitch,
    orderOperations: orderOperationRows(apis),
    // Byte for byte: no trimming, so the page's code is the file.
    example: escapeHtml(example),
  });
}
