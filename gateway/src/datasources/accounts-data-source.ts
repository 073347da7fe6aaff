import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { CLIENT_IP_HEADER, type GatewayContext } from "../context.ts";
import type { SubgraphHttp } from "../http/subgraph-http.ts";
import { SESSION_COOKIES } from "../identity/session-token.ts";
import { SignedDataSource } from "./signed-data-source.ts";

type ReceivedResponse = Parameters<NonNullable<SignedDataSource["didReceiveResponse"]>>[0];

/** accounts names sessions it ended or changed, so cached identities for them are dropped. */
export const STALE_SESSIONS_HEADER = "x-billfold-stale-sessions";

const isSessionCookie = (cookie: string) => SESSION_COOKIES.some((name) => cookie.startsWith(`${name}=`));

/**
 * accounts: signed identity plus the client's address and user agent (sessions record them,
 * login links are rate limited by them). accounts starts and ends sessions by answering with a
 * session Set-Cookie, which is relayed to the browser; no other cookie passes.
 */
export class AccountsDataSource extends SignedDataSource {
  constructor(
    url: string,
    http: SubgraphHttp,
    timeoutMs: number,
    private readonly onSessionChange: (sessionKey: string) => void,
    private readonly onStaleSessions: (sessionIds: string[]) => void = () => {},
  ) {
    super(url, http, timeoutMs);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    super.willSendRequest(options);
    const headers = options.request.http!.headers;
    headers.set(CLIENT_IP_HEADER, options.context.clientIp);
    if (options.context.userAgent) headers.set("user-agent", options.context.userAgent);
  }

  override didReceiveResponse({ response, context }: ReceivedResponse): ReceivedResponse["response"] {
    const headers = response.http?.headers as Headers | undefined;
    const cookies = headers?.getSetCookie?.().filter(isSessionCookie) ?? [];
    if (cookies.length > 0) {
      if (context.sessionKey) this.onSessionChange(context.sessionKey);
      context.reply?.header("set-cookie", cookies);
    }
    const stale = headers?.get(STALE_SESSIONS_HEADER);
    if (stale) this.onStaleSessions(stale.split(",").filter((id) => /^ses_[0-9a-z]+$/.test(id)));
    return response;
  }
}
