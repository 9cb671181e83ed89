/** A small seeded PRNG (mulberry32): the demo is the same on every run, and nothing uses Math.random. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1]![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
export type Prng = ReturnType<typeof prng>;

/** Fills {first}, {name}, {company}, {quarter}, {month} in a template. */
export const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k);

export const notes = [
  'Spoke with {first} about the {quarter} budget. They are also looking at two other vendors; price is not the main concern, rollout time is.',
  '{first} prefers email over phone. Best time to reach them is early morning.',
  'The VP of Operations signs off on anything over $25k. {first} is our champion but needs a business case to take upstairs.',
  'Sent {first} the logistics case study. They asked whether we integrate with their ERP.',
  'Renewal for {company} comes up in {month}. Usage is up 40% since onboarding; good moment to talk about the team plan.',
  '{company} is moving offices next quarter; hold the on-site training until after the move.',
  'Met {first} at the trade show. Interested in the reporting features, wants a follow-up after the holidays.',
  'Legal at {company} needs our DPA and security questionnaire before the pilot can start.',
  '{first} mentioned their current tool loses data on import. Lead with the import demo next time.',
  'Procurement at {company} works on a quarterly cycle; PO requests close two weeks before quarter end.',
];

export const callNotes = [
  'Walked {first} through pricing. They want a proposal for 25 seats with an option for 50.',
  'Discovery call: three sales teams, about 40 reps, currently on spreadsheets plus an old CRM. Pain: no shared pipeline view.',
  '{first} confirmed the pilot went well; waiting on finance for the go-ahead.',
  'Quick check-in. No blockers; {first} will loop in IT for the SSO setup.',
  '{first} raised concerns about the migration timeline. Offered a guided import session.',
  'Follow-up on the proposal. {first} asked for a discount for a two-year term.',
];

export const callSubjects = [
  'Discovery call',
  'Pricing follow-up',
  'Pilot check-in',
  'Renewal conversation',
  'Intro call',
  'Proposal walkthrough',
];

export const meetingSubjects = [
  'Product demo for {company}',
  'Discovery meeting with {first}',
  'Quarterly business review: {company}',
  'Pricing and contract discussion',
  'Onboarding kickoff with {company}',
  'Security review with {company} IT',
];
export const meetingNotes = [
  'Covered pipeline views and forecasting. {first} wants to see custom reports next time.',
  'Agreed on a 30-day pilot with two teams. Success criteria: weekly pipeline review done in Tandem.',
  'Reviewed usage and adoption; two teams still on spreadsheets. Plan a training session.',
  'Went through the contract redlines. Open point: data residency clause.',
];
export const locations = ['Zoom', 'Google Meet', 'Microsoft Teams', '{company} office', 'Phone bridge'];

export const emailSubjects = [
  'Following up on our call',
  'Proposal for {company}',
  'Re: Pricing question',
  'Intro: Tandem × {company}',
  'Quick question about your renewal',
  'Slides from today’s demo',
  'Re: Security questionnaire',
  'Next steps',
];
export const emailBodies = [
  'Hi {first},\n\nThanks for your time today. As promised, here is a summary and the next steps we discussed.\n\nBest,',
  'Hi {first},\n\nAttached is the proposal. Happy to walk through it on a call this week.\n\nBest regards,',
  'Hi,\n\nCould you send over the updated quote with the two-year option?\n\nThanks, {first}',
  'Hi {first},\n\nJust checking in: did you get a chance to review the contract?\n\nCheers,',
];

export const taskTitles = [
  'Call {first} back about pricing',
  'Send proposal to {company}',
  'Follow up on demo with {first}',
  'Prepare QBR deck for {company}',
  'Check in with {first} on the contract',
  'Send the security questionnaire to {company}',
  'Book onboarding session with {first}',
  'Ask {first} for a referral',
];

export const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
