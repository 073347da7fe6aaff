import type { Mode } from "@billfold/shared";
import { registerEnumType } from "type-graphql";

export const MODE_VALUES = ["test", "live"] as const satisfies readonly Mode[];

/** GraphQL `enum Mode { test live }`: the same names the rows and identities carry. */
export const ModeEnum = { test: "test", live: "live" } as const satisfies Record<Mode, Mode>;

registerEnumType(ModeEnum, { name: "Mode", description: "Test and live data never mix." });
