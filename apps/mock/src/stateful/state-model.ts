/**
 * The shape of the simulated state, as the control API's ProjectState schema describes it
 * (spec/control/components/schemas/): one `ProjectState` per project id. Stored in this
 * normalized form (every section present), so what GET returns is what was kept.
 */
export type HssVersion =
  | 'hss.version.basic'
  | 'hss.version.advanced'
  | 'hss.version.enterprise'
  | 'hss.version.premium'
  | 'hss.version.wtp'
  | 'hss.version.container.enterprise';

export interface HssQuota {
  resource_id: string;
  version: HssVersion;
  charging_mode: 'packet_cycle' | 'on_demand';
  enterprise_project_id: string;
  shared_quota: 'shared' | 'unshared';
  used: boolean;
  expires_at: string | null;
  order_id?: string;
}

export interface DscProduct {
  product_id?: string;
  resource_spec_code: string;
  resource_type: string;
  resource_size?: number;
  resource_size_measure_id?: number;
}

export interface DscInstance {
  instance_id: string;
  order_id?: string;
  charging_mode: 0 | 1 | 2;
  region_id?: string;
  expires_at: string | null;
  products: DscProduct[];
}

export type SecMasterScene = 'PREPAID' | 'POSTPAID';
export type SecMasterOperation = 'UPGRADE' | 'ADDITION' | 'DECREASE' | 'POSTPAID_2_PREPAID';

export interface SecMasterSubscription {
  resource_id: string;
  scene: SecMasterScene;
  resource_spec_code: string;
  resource_size: number;
  resource_type?: string;
}

export interface HssQuotasPurchase {
  operation: 'CreateQuotasOrder';
  resource_spec_code: HssVersion;
  period_type: 2 | 3;
  period_num: number;
  subscription_num: number;
  enterprise_project_id: string;
  is_auto_renew: boolean;
}

export interface DscInstancePurchase {
  operation: 'CreateProductOrder';
  charging_mode: 0 | 1 | 2;
  period_type: 2 | 3;
  period_num: number;
  region_id?: string;
  products: DscProduct[];
}

export interface SecMasterChangePurchase {
  operation: 'UpdateSubscriptionOrder';
  operate_type: SecMasterOperation;
  resource_ids: string[];
}

export type Purchase = HssQuotasPurchase | DscInstancePurchase | SecMasterChangePurchase;

/**
 * `pending` waits for payment (BSS status 6) and has bought nothing yet; `paid` is processing
 * (3) until `completes_at`, completed (5) from then; `cancelled` (4) never will be paid.
 */
export type OrderStatus = 'pending' | 'paid' | 'cancelled';

export interface Order {
  order_id: string;
  status: OrderStatus;
  created_at: string;
  paid_at: string | null;
  /** When a paid order's processing ends; absent: it completed when it was paid. */
  completes_at?: string;
  purchase: Purchase;
}

export interface ProjectState {
  hss: { quotas: HssQuota[] };
  dsc: { instances: DscInstance[] };
  secmaster: { ecs_count: number; subscriptions: SecMasterSubscription[] };
  orders: Order[];
}

export function emptyProject(): ProjectState {
  return {
    hss: { quotas: [] },
    dsc: { instances: [] },
    secmaster: { ecs_count: 0, subscriptions: [] },
    orders: [],
  };
}
