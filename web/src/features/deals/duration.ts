/** Seconds as a short duration: "3 d 4 h", "5 h", "12 min". */
export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  if (d > 0) return h ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return `${h} h`;
  return `${Math.max(1, Math.round(seconds / 60))} min`;
}
