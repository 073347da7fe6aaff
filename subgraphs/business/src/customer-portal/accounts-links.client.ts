import { AppError, IDENTITY_HEADER, type Mode, badInput, forbidden, signIdentity } from "@billfold/shared";

export type PortalFlow = "cancel_subscription" | "update_payment_method";

export interface PortalLinkRequest {
  kind: "invite" | "portal";
  businessId: string;
  customerId: string;
  email: string;
  mode: Mode;
  returnUrl?: string | null;
  flow?: PortalFlow | null;
  subscriptionId?: string | null;
  sendEmail?: boolean;
  ttlSeconds?: number | null;
}

export interface PortalLink {
  link: string;
  expiresAt: string;
}

/** accounts makes every sign-in link (hash-only tokens, emails); a shard asks it through `/internal/links`. */
export interface AccountsLinks {
  create(request: PortalLinkRequest): Promise<PortalLink>;
}

export function accountsLinksClient(options: { accountsUrl: string; shardId: string; identitySecret: string; timeoutMs?: number }): AccountsLinks {
  const endpoint = `${options.accountsUrl.replace(/\/$/, "")}/internal/links`;
  return {
    async create(request) {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [IDENTITY_HEADER]: signIdentity({ kind: "service", service: options.shardId }, options.identitySecret),
        },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const body = (await response.json().catch(() => ({}))) as { link?: string; expiresAt?: string; message?: string };
      if (response.status === 400) throw badInput(body.message ?? "The portal link request was refused.");
      if (response.status === 403) throw forbidden(body.message);
      if (!response.ok || !body.link || !body.expiresAt) throw new AppError("INTERNAL_SERVER_ERROR", `accounts answered ${response.status} to a link request`);
      return { link: body.link, expiresAt: body.expiresAt };
    },
  };
}
