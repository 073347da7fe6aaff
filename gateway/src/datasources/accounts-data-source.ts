import { CLIENT_IP_HEADER, type GatewayContext } from "../context.ts";
import type { SubgraphAnswer, SubgraphHttp } from "../http/subgraph-http.ts";
import { SESSION_COOKIES } from "../identity/session-token.ts";
import { type ProcessOptions, SignedDataSource } from "./signed-data-source.ts";

/** accounts names sessions it ended or changed, so cached identities for them are dropped. */
export const STALE_SESSIONS_HEADER = "x-billfold-stale-sessions";

const isSessionCookie = (cookie: string) => SESSION_COOKIES.some((name) => cookie.startsWith(`${name}=`));
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

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

  protected override headers(options: ProcessOptions): Record<string, string> {
    const headers = super.headers(options);
    headers[CLIENT_IP_HEADER] = options.context.clientIp;
    if (options.context.userAgent) headers["user-agent"] = options.context.userAgent;
    return headers;
  }

  protected override received(answer: SubgraphAnswer, context: GatewayContext): void {
    const cookies = list(answer.headers["set-cookie"]).filter(isSessionCookie);
    if (cookies.length > 0) {
      if (context.sessionKey) this.onSessionChange(context.sessionKey);
      context.reply?.header("set-cookie", cookies);
    }
    const stale = list(answer.headers[STALE_SESSIONS_HEADER]).join(",");
    if (stale) this.onStaleSessions(stale.split(",").filter((id) => /^ses_[0-9a-z]+$/.test(id)));
  }
}
