import { type ASTVisitor, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from "graphql";

/** Root fields that send emails or try tokens: one per operation, never aliased twice. */
/** Marks the refusal: Apollo re-codes validation errors, the gateway's formatter restores BAD_USER_INPUT. */
export const MULTIPLE_LOGIN_FIELDS = "multiple_login_fields";

export const LOGIN_FIELDS = new Set(["requestLoginLink", "exchangeLoginToken", "requestMerchantLoginLink", "requestEmailChange", "confirmEmailChange"]);

function countLoginFields(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (LOGIN_FIELDS.has(selection.name.value)) count++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countLoginFields(selection.selectionSet, context, seen);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countLoginFields(fragment.selectionSet, context, seen);
    }
  }
  return count;
}

/**
 * Refuses an operation that asks for more than one login field (directly, through aliases or
 * fragments), so one request cannot multiply link requests or token guesses past the rate limits.
 */
export function singleLoginFieldRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (countLoginFields(node.selectionSet, context, new Set()) > 1) {
        context.reportError(
          new GraphQLError("Ask for one sign-in action per request.", { nodes: [node], extensions: { code: "BAD_USER_INPUT", reason: MULTIPLE_LOGIN_FIELDS } }),
        );
      }
    },
  };
}
