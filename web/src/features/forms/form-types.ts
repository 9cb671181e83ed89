export const fieldTypes = ['text', 'email', 'phone', 'url', 'number', 'textarea', 'select', 'checkbox', 'hidden'] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  mapTo?: string | null;
  placeholder?: string;
  help?: string;
  required?: boolean;
  options?: string[];
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: string;
  defaultValue?: string;
}

export interface FormSettings {
  submitLabel: string;
  thankYouMessage: string;
  redirectUrl: string | null;
  consent: { text: string; required: boolean } | null;
  notifyUserIds: string[];
  minFillSeconds: number;
  proofOfWork: boolean;
  tags: string[];
  lifecycleStage: string;
}

export interface Form {
  id: string;
  name: string;
  slug: string;
  status: 'draft' | 'published';
  fields: FormField[];
  settings: FormSettings;
  consentVersion: { id: string; version: number; text: string } | null;
  submissionCount: number;
  spamCount: number;
  lastSubmittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FormSummary {
  id: string;
  name: string;
  slug: string;
  status: 'draft' | 'published';
  fieldCount: number;
  submissionCount: number;
  spamCount: number;
  lastSubmittedAt: string | null;
  updatedAt: string;
}

export interface Submission {
  id: string;
  contactId: string | null;
  contactName: string | null;
  outcome: string;
  data: Record<string, string>;
  consentGiven: boolean;
  consentVersion: number | null;
  pageUrl: string | null;
  utm: Record<string, string>;
  createdAt: string;
}

export interface FormBody {
  name: string;
  slug: string;
  status?: 'draft' | 'published';
  fields: FormField[];
  settings?: Partial<FormSettings>;
}

/** Where a field's value can go; custom fields are added from the workspace's definitions. */
export const builtInTargets = [
  { value: 'contact.email', label: 'Contact: email' },
  { value: 'contact.firstName', label: 'Contact: first name' },
  { value: 'contact.lastName', label: 'Contact: last name' },
  { value: 'contact.phone', label: 'Contact: phone' },
  { value: 'contact.title', label: 'Contact: job title' },
  { value: 'source', label: 'Contact: source' },
  { value: 'utm.source', label: 'UTM source' },
  { value: 'utm.medium', label: 'UTM medium' },
  { value: 'utm.campaign', label: 'UTM campaign' },
  { value: 'utm.term', label: 'UTM term' },
  { value: 'utm.content', label: 'UTM content' },
];

/** A slug from a name: "Spring Webinar!" → "spring-webinar". */
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
