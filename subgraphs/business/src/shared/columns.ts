/** Column options reused by every entity (explicit types: tsx/vitest emit no decorator metadata). */
export const ID_COLUMN = { type: "string", length: 40 } as const;
export const TIMESTAMP = { type: "datetime", columnType: "timestamptz" } as const;
export const CURRENCY = { type: "string", length: 3 } as const;
