import type { IncomingHttpHeaders } from "node:http";

export const SESSION_COOKIES = ["__Host-bf_session", "bf_session"] as const;
const MERCHANT_KEY_PREFIX = "sk_";
const TOKEN_SHAPE = /^[A-Za-z0-9._~+/=-]{16,512}$/;

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The session token a request carries: `Authorization: Bearer <token>` first, then the session
 * cookie. A bearer merchant key (`sk_…`) is not a session. Malformed values count as none.
 */
export function sessionTokenFrom(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match && !match[1].startsWith(MERCHANT_KEY_PREFIX) && TOKEN_SHAPE.test(match[1])) return match[1];
  }
  const cookie = headers.cookie;
  if (cookie) {
    for (const name of SESSION_COOKIES) {
      const value = cookieValue(cookie, name);
      if (value && TOKEN_SHAPE.test(value)) return value;
    }
  }
  return null;
}
