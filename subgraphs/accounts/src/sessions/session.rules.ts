/** Session lifetimes are security decisions: they live in the access policy. */
export {
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_LIFETIME_MS,
  SESSION_TOUCH_INTERVAL_MS,
  needsTouch,
  sessionExpiry,
  sessionState,
  type SessionState,
  type SessionTimes,
} from "../access/access.policy.ts";
