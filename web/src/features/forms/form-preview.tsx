import { Button, Checkbox, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { FormField, FormSettings } from './form-types.ts';

/** What a visitor sees, updated as you edit (the hosted page and the embed render the same fields). */
export function FormPreview({ name, fields, settings }: { name: string; fields: FormField[]; settings: FormSettings }) {
  return (
    <Paper withBorder p="lg" aria-label="Form preview">
      <Stack gap="sm">
        <Text fw={700} size="lg">
          {name || 'Untitled form'}
        </Text>
        {fields.map((f) => {
          const common = { label: f.label, placeholder: f.placeholder, description: f.help, required: f.required, readOnly: true };
          switch (f.type) {
            case 'hidden':
              return (
                <Text key={f.key} size="xs" c="dimmed">
                  Hidden: {f.key}
                  {f.defaultValue ? ` = ${f.defaultValue}` : ''}
                </Text>
              );
            case 'textarea':
              return <Textarea key={f.key} {...common} />;
            case 'select':
              return <NativeSelect key={f.key} {...common} data={['Choose…', ...(f.options ?? [])]} />;
            case 'checkbox':
              return <Checkbox key={f.key} label={f.label} readOnly />;
            default:
              return <TextInput key={f.key} {...common} type={f.type === 'phone' ? 'tel' : f.type} />;
          }
        })}
        {settings.consent && <Checkbox label={settings.consent.text} readOnly />}
        <div>
          <Button tabIndex={-1}>{settings.submitLabel}</Button>
        </div>
      </Stack>
    </Paper>
  );
}
