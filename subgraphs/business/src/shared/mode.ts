import type { Mode } from "@billfold/shared";
import { registerEnumType } from "type-graphql";

export const MODE_VALUES = ["test", "live"] as const satisfies readonly Mode[];

/** The GraphQL `Mode` enum, the same as accounts' (values and description), so the two compose. */
export const ModeEnum = { test: "test", live: "live" } as const satisfies Record<Mode, Mode>;
registerEnumType(ModeEnum, { name: "Mode", description: "Test and live data never mix." });
