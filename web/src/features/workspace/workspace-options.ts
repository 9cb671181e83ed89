import type { ComboboxItem } from '@mantine/core';

function supported(kind: 'timeZone' | 'currency', fallback: string[]): string[] {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return fallback;
  }
}

let zones: ComboboxItem[] | undefined;
/** Every IANA time zone the browser knows, labelled with its current UTC offset. */
export function timezoneOptions(current?: string): ComboboxItem[] {
  zones ??= supported('timeZone', ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo']).map(
    (tz) => {
      let offset = '';
      try {
        offset =
          new Intl.DateTimeFormat('en', { timeZone: tz, timeZoneName: 'shortOffset' })
            .formatToParts(new Date())
            .find((p) => p.type === 'timeZoneName')?.value ?? '';
      } catch {}
      return { value: tz, label: `${tz.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}` };
    },
  );
  if (!zones.some((z) => z.value === 'UTC')) zones = [{ value: 'UTC', label: 'UTC' }, ...zones];
  return current && !zones.some((z) => z.value === current) ? [{ value: current, label: current }, ...zones] : zones;
}

let currencies: ComboboxItem[] | undefined;
/** ISO 4217 currencies with their names, e.g. "EUR · Euro". */
export function currencyOptions(current?: string): ComboboxItem[] {
  if (!currencies) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames(['en'], { type: 'currency' });
    } catch {}
    currencies = supported('currency', ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD']).map((c) => ({
      value: c,
      label: `${c} · ${names?.of(c) ?? c}`,
    }));
  }
  return current && !currencies.some((c) => c.value === current) ? [{ value: current, label: current }, ...currencies] : currencies;
}

export const visibilityOptions = [
  { value: 'own', label: 'Own records', description: 'Sales reps see the contacts, companies and deals they own.' },
  { value: 'team', label: 'Team records', description: 'Sales reps see records owned by anyone on their team.' },
  { value: 'all', label: 'All records', description: 'Sales reps see every record in the workspace.' },
] as const;
