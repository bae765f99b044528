import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { logger } from "@/lib/log";
import { verifyCredentials } from "./verify-credentials";

// The session and token carry the staff member's id and session version (typed, no casts downstream).
declare module "next-auth" {
  interface Session {
    staffId?: number;
    sessionVersion: number;
  }
  interface User {
    sessionVersion?: number;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    staffId?: number;
    sessionVersion?: number;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super(reason);
    this.code = reason;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/**
 * Staff sign-in (Auth.js): credentials over StaffUser, JWT sessions in an HttpOnly cookie (Secure when
 * served over HTTPS) that expire after a working day. Roles are re-read from the database on every staff
 * request (lib/auth/require-staff.ts), so a suspension or role change applies at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/staff/sign-in" },
  // A refused sign-in (wrong password, locked account) is a normal event: one info line with its reason,
  // not an error with a stack trace. Anything else Auth.js reports stays an error.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin")
        logger.info({ reason: (error as CredentialsSignin).code }, "staff sign-in refused");
      else logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      // `address` is set by the app's own sign-in route (the only way in: Auth.js's credentials callback
      // is closed to HTTP in app/api/auth/[...nextauth]/route.ts), never by the client.
      credentials: { email: {}, password: {}, code: {}, address: {} },
      async authorize(credentials) {
        const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 1024) : "");
        const result = await verifyCredentials({
          email: str(credentials.email),
          password: str(credentials.password),
          code: str(credentials.code) || undefined,
          address: str(credentials.address),
        });
        if (!result.ok) throw new SignInRefused(result.reason);
        return {
          id: String(result.user.id),
          email: result.user.email,
          name: result.user.name ?? result.user.email,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.staffId = Number(user.id);
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        staffId: typeof token.staffId === "number" ? token.staffId : undefined,
        sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : -1,
      };
    },
  },
});
