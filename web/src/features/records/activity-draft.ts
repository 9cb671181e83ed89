export type ActivityKind = 'note' | 'call' | 'meeting' | 'email';

/** What the composer edits, for every kind (each kind sends only its own fields). */
export interface ActivityDraft {
  subject: string;
  body: string;
  direction: 'outbound' | 'inbound';
  outcome: string | null;
  minutes: number | '';
  occurredAt: string;
  startsAt: string;
  endsAt: string;
  location: string;
  from: string;
  to: string[];
}

/** Now as a datetime-local value ("2024-05-01T09:30"), plus `addMinutes`. */
export const localNow = (addMinutes = 0) => {
  const d = new Date(Date.now() + addMinutes * 60_000);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export const emptyActivity = (): ActivityDraft => ({
  subject: '',
  body: '',
  direction: 'outbound',
  outcome: 'connected',
  minutes: '',
  occurredAt: '',
  startsAt: localNow(),
  endsAt: localNow(30),
  location: '',
  from: '',
  to: [],
});

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The POST /api/activities body for a draft. */
export function activityBody(
  kind: ActivityKind,
  d: ActivityDraft,
  links: { entityType: 'contact' | 'company' | 'deal'; entityId: string }[],
) {
  const text = (v: string) => v.trim() || undefined;
  if (kind === 'note') return { type: 'note' as const, body: d.body, links };
  if (kind === 'call')
    return {
      type: 'call' as const,
      direction: d.direction,
      outcome: (d.outcome ?? undefined) as 'connected' | undefined,
      durationSeconds: d.minutes === '' ? undefined : Math.round(d.minutes * 60),
      occurredAt: iso(d.occurredAt),
      body: text(d.body),
      links,
    };
  if (kind === 'meeting')
    return {
      type: 'meeting' as const,
      subject: d.subject,
      startsAt: iso(d.startsAt) ?? '',
      endsAt: iso(d.endsAt) ?? '',
      location: text(d.location),
      body: text(d.body),
      links,
    };
  return {
    type: 'email' as const,
    direction: d.direction,
    from: d.from.trim(),
    to: d.to,
    subject: text(d.subject),
    body: text(d.body),
    links,
  };
}
