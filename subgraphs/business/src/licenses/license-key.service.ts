import type { EntityManager } from "@mikro-orm/postgresql";
import type { Scope } from "../shared/context.ts";
import { type Page, type PageArgs, paginate } from "../shared/pagination.ts";
import { LicenseKey } from "./license-key.entity.ts";

/** A business's license keys, newest first, optionally for one customer. */
export function listLicenseKeys(em: EntityManager, scope: Scope, args: PageArgs & { customerId?: string | null }): Promise<Page<LicenseKey>> {
  return paginate(em, LicenseKey, { ...scope, ...(args.customerId ? { customerId: args.customerId } : {}) }, "createdAt", args);
}
