import type { Mode } from "@billfold/shared";

export const MODE_VALUES = ["test", "live"] as const satisfies readonly Mode[];
