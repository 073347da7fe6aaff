import type { Identity } from "@billfold/shared";
import type { FastifyReply } from "fastify";

export const BUSINESS_HEADER = "x-billfold-business";
export const CLIENT_IP_HEADER = "x-billfold-client-ip";

/** What every gateway operation knows about its caller. Raw cookies and tokens stay out. */
export interface GatewayContext {
  identity: Identity;
  /** `x-billfold-identity` value for this request's subgraph calls. */
  signedIdentity: string;
  /** From the `x-billfold-business` header: which business a root business operation is for. */
  businessId: string | undefined;
  /** sha256 of the session token, to forget a cached identity when accounts ends the session. */
  sessionKey: string | undefined;
  clientIp: string;
  userAgent: string | undefined;
  reply: FastifyReply | undefined;
}
