import { newId } from '../../../kernel/db/index.ts';
import { companyStems, companySuffixes, companyTags, countries, industryOf } from './demo-names.ts';
import type { Random } from './prng.ts';

const DAY = 86_400_000;
/** A company name as a domain label: lower case, letters and digits only. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const currencyOf: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  ES: 'EUR',
  SE: 'SEK',
  CA: 'CAD',
  AU: 'AUD',
  IN: 'INR',
};
const sizes: (readonly [readonly [number, number], number])[] = [
  [[2, 10], 15],
  [[11, 50], 25],
  [[51, 200], 25],
  [[201, 1000], 20],
  [[1001, 5000], 10],
  [[5001, 40000], 5],
];

export interface DemoCompany {
  id: string;
  workspaceId: string;
  name: string;
  domain: string;
  industry: string;
  employeeCount: number;
  annualRevenue: number;
  annualRevenueCurrency: string;
  country: string;
  region: string;
  ownerId: string;
  parentCompanyId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/** `count` fictional companies with consistent names, domains, industries, sizes, revenue and countries. */
export function buildCompanies(rand: Random, workspaceId: string, ownerIds: string[], count: number, now: number): DemoCompany[] {
  const combos = companyStems.flatMap((stem) => companySuffixes.map((suffix) => [stem, suffix] as const));
  // A seeded shuffle, so the chosen names differ in suffix mix but not between runs.
  for (let i = combos.length - 1; i > 0; i--) {
    const j = rand.int(0, i);
    [combos[i], combos[j]] = [combos[j]!, combos[i]!];
  }
  const firstOfStem = new Map<string, DemoCompany>();
  return combos.slice(0, count).map(([stem, suffix]) => {
    const country = rand.weighted(countries.map((c) => [c, c.weight] as const));
    const [min, max] = rand.weighted(sizes);
    const employeeCount = rand.int(min, max);
    const created = new Date(now - rand.int(60, 900) * DAY - rand.int(0, DAY));
    const parent = firstOfStem.get(stem);
    const company: DemoCompany = {
      id: newId(),
      workspaceId,
      name: `${stem} ${suffix}`,
      domain: `${slug(`${stem}${suffix}`)}.${country.tld}`,
      industry: industryOf[suffix]!,
      employeeCount,
      annualRevenue: employeeCount * rand.int(60_000, 260_000) * 100,
      annualRevenueCurrency: currencyOf[country.code]!,
      country: country.code,
      region: rand.pick(country.regions),
      ownerId: rand.pick(ownerIds),
      parentCompanyId: parent && parent.employeeCount > employeeCount && rand.chance(0.35) ? parent.id : null,
      tags: [
        employeeCount > 1000 ? 'enterprise' : employeeCount > 200 ? 'mid-market' : 'smb',
        ...(rand.chance(0.3) ? [rand.pick(companyTags.slice(3))] : []),
      ],
      custom: { account_tier: employeeCount > 1000 ? 'strategic' : employeeCount > 200 ? 'growth' : 'standard' },
      createdAt: created,
      updatedAt: created,
    };
    if (!parent) firstOfStem.set(stem, company);
    return company;
  });
}
