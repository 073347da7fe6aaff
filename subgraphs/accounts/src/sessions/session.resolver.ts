import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { SessionInfo } from "../access/access.types.ts";
import { clearedSessionCookie } from "../access/access.policy.ts";
import { requirePerson } from "../people/profile.service.ts";
import { type ViewerModel, ViewerType } from "../people/viewer.type.ts";
import type { AccountsContext } from "../shared/context.ts";
import { type SessionSummary, endOtherSessions, listSessions } from "./session-list.service.ts";
import { Session } from "./session.entity.ts";
import { revokeSession } from "./session.service.ts";

@Resolver(() => ViewerType)
export class SessionResolver {
  @FieldResolver(() => [SessionInfo], { description: "This person's signed-in browsers (device, IP, last seen)." })
  sessions(@Root() viewer: ViewerModel, @Ctx() { em }: AccountsContext): Promise<SessionSummary[]> {
    return listSessions(em, viewer.email, viewer.sessionId ?? null);
  }

  @FieldResolver(() => String, { nullable: true, description: "Where the merchant asked to send the person back (portal sessions)." })
  async returnUrl(@Root() viewer: ViewerModel, @Ctx() { em }: AccountsContext): Promise<string | null> {
    if (!viewer.sessionId) return null;
    const session = await em.findOne(Session, { id: viewer.sessionId }, { fields: ["returnUrl"] });
    return session?.returnUrl ?? null;
  }

  @Mutation(() => Boolean, { description: "Signs one of the viewer's browsers out; true when a session ended." })
  async endSession(@Arg("id", () => ID) id: string, @Ctx() ctx: AccountsContext): Promise<boolean> {
    const person = requirePerson(ctx.identity);
    const ended = await revokeSession(ctx.em, { sessionId: id, email: person.email });
    if (ended) ctx.response.staleSessions([id]);
    if (ended && id === person.sessionId) ctx.response.setCookie(clearedSessionCookie(ctx.services.publicUrl));
    return ended;
  }

  @Mutation(() => Int, { description: "Signs every other browser of the viewer out; answers how many." })
  async endOtherSessions(@Ctx() ctx: AccountsContext): Promise<number> {
    const person = requirePerson(ctx.identity);
    const ended = await endOtherSessions(ctx.em, person.email, person.sessionId);
    if (ended.length) ctx.response.staleSessions(ended);
    return ended.length;
  }
}
