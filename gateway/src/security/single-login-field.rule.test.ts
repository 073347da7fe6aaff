import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { singleLoginFieldRule } from "./single-login-field.rule.ts";

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Result { message: String }
  type Mutation {
    requestLoginLink(email: String!): Result
    requestMerchantLoginLink(email: String!): Result
    exchangeLoginToken(token: String!): Result
    logout: Boolean
  }
`);
const errorsOf = (source: string) => validate(schema, parse(source), [...specifiedRules, singleLoginFieldRule]);

describe("one sign-in action per operation", () => {
  it("accepts one login field next to other fields", () => {
    expect(errorsOf(`mutation { requestLoginLink(email: "a@b.c") { message } logout }`)).toEqual([]);
  });

  it.each([
    ["aliases of one field", `mutation { a: exchangeLoginToken(token: "1") { message } b: exchangeLoginToken(token: "2") { message } }`],
    ["two different login fields", `mutation { requestLoginLink(email: "a@b.c") { message } requestMerchantLoginLink(email: "a@b.c") { message } }`],
    ["a field hidden in fragments", `mutation { requestLoginLink(email: "a@b.c") { message } ...F ... on Mutation { x: requestLoginLink(email: "d@e.f") { message } } } fragment F on Mutation { y: requestLoginLink(email: "g@h.i") { message } }`],
  ])("refuses %s with BAD_USER_INPUT", (_label, source) => {
    const errors = errorsOf(source);
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
