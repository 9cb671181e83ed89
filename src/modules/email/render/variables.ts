/** The variables a template sees. Missing records are empty objects of the same shape, so strict mode still holds. */
export interface MessageVariables {
  contact: Record<string, unknown>;
  company: Record<string, unknown>;
  owner: Record<string, unknown>;
  campaign: Record<string, unknown>;
  sender: Record<string, unknown>;
  unsubscribe_url: string;
  preferences_url: string;
  view_in_browser_url: string;
  /** Double opt-in confirmations only (sample values when a template is saved). */
  confirm_url?: string;
  subscription_name?: string;
  /** Workspace invites only. */
  invite_url?: string;
  workspace_name?: string;
  invited_by?: string;
  role?: string;
  expires_on?: string;
}

export interface RecipientRow {
  contact_id: string | null;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  display_name?: string | null;
  title?: string | null;
  phone?: string | null;
  lifecycle_stage?: string | null;
  custom?: Record<string, unknown> | null;
  company_name?: string | null;
  company_domain?: string | null;
  owner_name?: string | null;
  owner_email?: string | null;
}

const s = (v: unknown) => (v == null ? '' : String(v));

export function contactVariables(r: RecipientRow, customKeys: string[]) {
  const custom: Record<string, unknown> = {};
  for (const k of customKeys) custom[k] = '';
  Object.assign(custom, r.custom ?? {});
  return {
    contact: {
      id: s(r.contact_id),
      email: r.email,
      first_name: s(r.first_name),
      last_name: s(r.last_name),
      name: s(r.display_name) || r.email,
      title: s(r.title),
      phone: s(r.phone),
      lifecycle_stage: s(r.lifecycle_stage),
      custom,
    },
    company: { name: s(r.company_name), domain: s(r.company_domain) },
    owner: { name: s(r.owner_name), email: s(r.owner_email) },
  };
}

export const senderVariables = (sender: { fromName: string; fromEmail: string; replyTo?: string | null; postalAddress: string }) => ({
  from_name: sender.fromName,
  from_email: sender.fromEmail,
  reply_to: s(sender.replyTo),
  postal_address: sender.postalAddress,
});

/** Stand-in data for previews and checks when no contact is chosen. */
export function sampleVariables(customKeys: string[]): MessageVariables {
  return {
    ...contactVariables(
      {
        contact_id: '00000000-0000-7000-8000-000000000000',
        email: 'jane.doe@example.com',
        first_name: 'Jane',
        last_name: 'Doe',
        display_name: 'Jane Doe',
        title: 'Head of Marketing',
        company_name: 'Example Ltd',
        company_domain: 'example.com',
        owner_name: 'Sam Seller',
        owner_email: 'sam@example.com',
      },
      customKeys,
    ),
    campaign: { id: '', name: 'Sample campaign' },
    sender: { from_name: 'Example', from_email: 'hello@example.com', reply_to: '', postal_address: '1 Example Street, London' },
    unsubscribe_url: 'https://example.com/u/sample',
    preferences_url: 'https://example.com/preferences/sample',
    view_in_browser_url: 'https://example.com/e/v/sample',
    confirm_url: 'https://example.com/e/confirm/sample',
    subscription_name: 'Newsletter',
    invite_url: 'https://example.com/invite/sample',
    workspace_name: 'Example Ltd',
    invited_by: 'Sam Seller',
    role: 'sales rep',
    expires_on: '2030-01-08',
  };
}
