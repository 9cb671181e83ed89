import type { CustomFieldType } from '../records/crm-types.ts';

/** Each custom field type with what it is for (the server's list: customFieldTypes). */
export const fieldTypes: { value: CustomFieldType; label: string; hint: string }[] = [
  { value: 'text', label: 'Text', hint: 'A short line: a code, a name' },
  { value: 'long_text', label: 'Long text', hint: 'Paragraphs of notes' },
  { value: 'number', label: 'Number', hint: 'A count or score' },
  { value: 'money', label: 'Money', hint: 'An amount in one currency' },
  { value: 'date', label: 'Date', hint: 'A calendar day' },
  { value: 'datetime', label: 'Date and time', hint: 'A moment, with time zone' },
  { value: 'boolean', label: 'Yes / no', hint: 'A checkbox' },
  { value: 'select', label: 'Single choice', hint: 'One of a list of options' },
  { value: 'multi_select', label: 'Multiple choice', hint: 'Any of a list of options' },
  { value: 'url', label: 'Link', hint: 'A web address' },
  { value: 'email', label: 'Email', hint: 'An email address' },
  { value: 'phone', label: 'Phone', hint: 'A phone number' },
];

export const typeLabel = (t: string) => fieldTypes.find((f) => f.value === t)?.label ?? t;
export const hasChoices = (t: string) => t === 'select' || t === 'multi_select';

/** "Preferred language" → "preferred_language": a key the API accepts (snake_case, starts with a letter, ≤ 40). */
export function keyFromLabel(label: string) {
  const k = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return k.slice(0, 40).replace(/_+$/, '');
}
