/** "2026-10-01 → 2026-12-31" that may wrap at the arrow but never inside a date (ISO dates otherwise break at hyphens). */
export function DateRange({
  from,
  to,
  missingFrom = '—',
  missingTo = '—',
}: {
  from: string | null;
  to: string | null;
  missingFrom?: string;
  missingTo?: string;
}) {
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{from ?? missingFrom}</span> → <span style={{ whiteSpace: 'nowrap' }}>{to ?? missingTo}</span>
    </>
  );
}
