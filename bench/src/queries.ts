const ACCOUNT_FIELDS = `
      subscriptions { id status product { name } amount currency nextBillingDate }
      invoices(first: 10) { id number total currency issuedAt }
      licenseKeys { id maskedKey status }`;

/** The web app's unified dashboard (web/src: UnifiedDashboard), as the gateway receives it. */
export const DASHBOARD_QUERY = `query UnifiedDashboard {
  viewer { email name accounts { businessId customerId business { id name } ${ACCOUNT_FIELDS} } }
}`;

/** The shard's half of the same dashboard: what the gateway sends a shard for each account. */
export const ENTITIES_QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on CustomerAccount { businessId customerId ${ACCOUNT_FIELDS} } }
}`;
