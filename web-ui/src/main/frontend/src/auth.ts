// The session: the access token lives in this module's memory only (never localStorage, where any injected script
// could read it); the refresh token is an HttpOnly cookie the server sets on /api/auth, which scripts cannot read
// at all. A reload therefore starts with a silent refresh. Every API call goes through `authorizedFetch`, which adds
// the bearer token, renews it shortly before it expires, and on a 401 refreshes once and retries.

export interface SessionUser {
  userId: string;
  email: string;
  roles: string[];
}

interface TokenAnswer extends SessionUser {
  accessToken: string;
  expiresIn: number;
}

interface Session {
  user: SessionUser;
  accessToken: string;
  expiresAt: number;
}

type Listener = (user: SessionUser | undefined) => void;

/** Renew when less than this is left, so a request never leaves with a token about to expire. */
const RENEW_BEFORE_MS = 30_000;

let session: Session | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<Listener>();

function set(next: Session | undefined) {
  session = next;
  listeners.forEach((l) => l(next?.user));
}

function accept(answer: TokenAnswer) {
  set({
    user: { userId: answer.userId, email: answer.email, roles: answer.roles },
    accessToken: answer.accessToken,
    expiresAt: Date.now() + answer.expiresIn * 1000,
  });
}

/** A refused account request: `detail` is the server's RFC 9457 explanation. */
export class AuthError extends Error {
  readonly status: number;
  readonly type?: string;

  constructor(status: number, detail: string, type?: string) {
    super(detail);
    this.name = 'AuthError';
    this.status = status;
    this.type = type;
  }
}

async function post(url: string, body?: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(url, {
    method: 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
}

async function refusal(response: Response): Promise<AuthError> {
  try {
    const p = (await response.json()) as { detail?: string; title?: string; type?: string };
    return new AuthError(response.status, p.detail ?? p.title ?? response.statusText, p.type);
  } catch {
    return new AuthError(response.status, `${response.status} ${response.statusText}`.trim());
  }
}

export const auth = {
  user(): SessionUser | undefined {
    return session?.user;
  },

  /** The access token, for the STOMP CONNECT frame (browsers cannot set headers on the WebSocket handshake). */
  accessToken(): string | undefined {
    return session?.accessToken;
  },

  /** Calls `listener` with the user after every login, refresh and logout; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  async login(email: string, password: string): Promise<SessionUser> {
    const response = await post('/api/auth/login', { email, password });
    if (!response.ok) throw await refusal(response);
    accept((await response.json()) as TokenAnswer);
    return session!.user;
  },

  /** Creates the account, then logs in with the same credentials. */
  async register(email: string, password: string): Promise<SessionUser> {
    const response = await post('/api/auth/register', { email, password });
    if (!response.ok) throw await refusal(response);
    return auth.login(email, password);
  },

  /**
   * Trades the refresh cookie for a new access token; false (and no session) when it is missing, expired or
   * revoked. Concurrent callers share one request: the server treats a second use of the same refresh token as
   * theft and revokes the whole session.
   */
  refresh(): Promise<boolean> {
    if (!refreshing) {
      refreshing = (async () => {
        try {
          const response = await post('/api/auth/refresh');
          if (!response.ok) {
            set(undefined);
            return false;
          }
          accept((await response.json()) as TokenAnswer);
          return true;
        } catch {
          return false;
        } finally {
          refreshing = undefined;
        }
      })();
    }
    return refreshing;
  },

  async logout(): Promise<void> {
    const token = session?.accessToken;
    set(undefined);
    if (token) {
      try {
        await post('/api/auth/logout', undefined, token);
      } catch {
        // the session is gone on this side either way
      }
    }
  },
};

/** `fetch` with the bearer token; renews it when close to expiry and retries once after a 401. */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  if (session && session.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    await auth.refresh();
  }
  const send = () => {
    const headers = new Headers(init.headers);
    if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
    return fetch(url, { ...init, headers });
  };
  const response = await send();
  if (response.status === 401 && session && (await auth.refresh())) {
    return send();
  }
  if (response.status === 401) set(undefined);
  return response;
}

/** For tests: forget the session without calling the server. */
export function resetSession() {
  session = undefined;
  refreshing = undefined;
  listeners.clear();
}
