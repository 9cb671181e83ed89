const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tracking visitor id (a UUID, lower-cased) from a field, cookie or query value; null for anything else. */
export const visitorIdOf = (raw: string | null | undefined) => (raw && uuid.test(raw.trim()) ? raw.trim().toLowerCase() : null);

/** The `tandem_visitor` cookie of a request, if any. */
export const visitorCookie = (cookieHeader: string | undefined) => cookieHeader?.match(/(?:^|; )tandem_visitor=([^;]+)/)?.[1] ?? null;
