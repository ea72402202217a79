/**
 * The one simulated Huawei account every project belongs to, as the control API's AccountState
 * schema describes it (spec/control/components/schemas/AccountState.yaml): its domain (the
 * account id IAM and BSS report), its IAM projects and the balance PayOrders draws on. A change
 * record keeps the members a change set (`account`), a rewritten file the whole account.
 */
export interface IamProject {
  id: string;
  /** A region's project is named after the region (`cn-north-4`). */
  name: string;
  enabled: boolean;
}

export interface AccountState {
  domain_id: string;
  domain_name: string;
  /** In the currency's main unit (CNY), two decimals. */
  balance: number;
  projects: IamProject[];
}

export function accountDraft(account: AccountState): AccountState {
  return { ...account, projects: [...account.projects] };
}

/**
 * The members of `after` that differ from `before` (undefined when none): what a change record
 * keeps of the account, so a payment costs its balance, not the list of projects.
 */
export function accountChanges(
  before: AccountState,
  after: AccountState,
): Partial<AccountState> | undefined {
  const changed = (Object.keys(after) as Array<keyof AccountState>).filter(
    (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  return changed.length === 0
    ? undefined
    : (Object.fromEntries(changed.map((key) => [key, after[key]])) as Partial<AccountState>);
}
