/**
 * What an order costs and what its line items are. Huawei publishes prices in its console, not in
 * any API the spec describes, so the mock has a price list of its own: every unit bought costs
 * UNIT_PRICE per month of its period (a year is 12 months), a one-off (DSC `charging_mode` 2)
 * counts its period the same way, pay-per-use costs nothing up front, and a SecMaster change costs
 * one unit per subscription it changes. The amounts are in CNY with no discount (the amount after
 * discount equals the list price).
 */
import type { Purchase } from './state-model.js';

export const UNIT_PRICE = 100;
export const CURRENCY = 'CNY';

/** BSS's period units (`period_type` of a line item). */
const MONTH = 2;
const YEAR = 3;
const ONE_OFF = 5;
const ON_DEMAND = 6;

const DSC_PAY_PER_USE = 1;
const DSC_ONE_OFF = 2;

export interface LineItem {
  /** The spec bought, e.g. `hss.version.enterprise`. */
  readonly spec: string;
  readonly quantity: number;
  /** BSS's unit: 2 month, 3 year, 5 one-off, 6 on demand; null for a change. */
  readonly period_type: number | null;
  readonly period_num: number | null;
  readonly amount: number;
}

function months(periodType: 2 | 3, periodNum: number): number {
  return periodType === YEAR ? periodNum * 12 : periodNum;
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

export function lineItemsOf(purchase: Purchase): LineItem[] {
  switch (purchase.operation) {
    case 'CreateQuotasOrder':
      return [
        {
          spec: purchase.resource_spec_code,
          quantity: purchase.subscription_num,
          period_type: purchase.period_type,
          period_num: purchase.period_num,
          amount: cents(
            UNIT_PRICE *
              purchase.subscription_num *
              months(purchase.period_type, purchase.period_num),
          ),
        },
      ];
    case 'CreateProductOrder':
      return purchase.products.map((product) => {
        const onDemand = purchase.charging_mode === DSC_PAY_PER_USE;
        return {
          spec: product.resource_spec_code,
          quantity: 1,
          period_type: onDemand
            ? ON_DEMAND
            : purchase.charging_mode === DSC_ONE_OFF
              ? ONE_OFF
              : purchase.period_type,
          period_num: onDemand ? null : purchase.period_num,
          amount: onDemand
            ? 0
            : cents(UNIT_PRICE * months(purchase.period_type, purchase.period_num)),
        };
      });
    case 'UpdateSubscriptionOrder':
      return purchase.resource_ids.map(() => ({
        spec: purchase.operate_type,
        quantity: 1,
        period_type: MONTH,
        period_num: 1,
        amount: UNIT_PRICE,
      }));
  }
}

export function amountOf(purchase: Purchase): number {
  return cents(lineItemsOf(purchase).reduce((sum, item) => sum + item.amount, 0));
}
