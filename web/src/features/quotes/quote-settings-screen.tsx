import { Alert, Button, FileButton, Group, Image, NumberInput, Paper, Skeleton, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { api, errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import type { QuoteSettings } from './quote-types.ts';
import { useQuoteSettings } from './use-quotes.ts';

const maxLogoBytes = 290_000;

function SettingsForm({ initial }: { initial: QuoteSettings }) {
  const can = usePermissions();
  const qc = useQueryClient();
  const [s, setS] = useState(initial);
  const [logoError, setLogoError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: QuoteSettings) => api.patch<QuoteSettings>('/api/quote-settings', body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Quote settings saved' });
      return qc.invalidateQueries({ queryKey: ['quote-settings'] });
    },
  });
  const readOnly = !can('workspace:manage');
  const pickLogo = (file: File | null) => {
    setLogoError(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLogoError('Use a PNG or JPEG image.');
    if (file.size > maxLogoBytes) return setLogoError('The logo must be smaller than 290 KB.');
    const reader = new FileReader();
    reader.onload = () => setS((x) => ({ ...x, logo: String(reader.result) }));
    reader.readAsDataURL(file);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(s);
  };
  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <NumberInput
            label="Largest discount without approval (%)"
            description="A quote line discounted more than this needs an admin or sales manager to approve it."
            min={0}
            max={100}
            decimalScale={2}
            value={s.maxDiscountPct}
            onChange={(v) => setS({ ...s, maxDiscountPct: Number(v) || 0 })}
            disabled={readOnly}
          />
          <NumberInput
            label="Quotes are valid for (days)"
            min={1}
            max={365}
            value={s.defaultValidDays}
            onChange={(v) => setS({ ...s, defaultValidDays: Number(v) || 30 })}
            disabled={readOnly}
          />
          <Textarea
            label="Terms printed on every quote"
            autosize
            minRows={3}
            value={s.terms}
            onChange={(e) => setS({ ...s, terms: e.currentTarget.value })}
            disabled={readOnly}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Logo on quote PDFs
            </Text>
            <Group>
              {s.logo ? (
                <Image src={s.logo} alt="Current logo" h={48} w="auto" fit="contain" />
              ) : (
                <Text size="sm" c="dimmed">
                  No logo: the workspace name is printed instead.
                </Text>
              )}
              {!readOnly && (
                <FileButton onChange={pickLogo} accept="image/png,image/jpeg">
                  {(props) => (
                    <Button variant="default" size="xs" {...props}>
                      {s.logo ? 'Replace' : 'Upload PNG or JPEG'}
                    </Button>
                  )}
                </FileButton>
              )}
              {!readOnly && s.logo && (
                <Button variant="subtle" color="red" size="xs" onClick={() => setS({ ...s, logo: null })}>
                  Remove
                </Button>
              )}
            </Group>
            {logoError && (
              <Text size="xs" c="red">
                {logoError}
              </Text>
            )}
          </Stack>
          <Switch
            label="Confirming an order closes its deal as won"
            description="The deal moves to its pipeline's won stage; its contacts become customers."
            checked={s.orderConfirmationWinsDeal}
            onChange={(e) => setS({ ...s, orderConfirmationWinsDeal: e.currentTarget.checked })}
            disabled={readOnly}
          />
          {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** Settings → Quotes: approval limit, validity, terms, logo, order → won. */
export function QuoteSettingsScreen() {
  const settings = useQuoteSettings();
  return (
    <>
      <PageHeader title="Quotes & orders" description="How quotes are approved and printed, and what confirming an order does." />
      {settings.isPending && <Skeleton height={360} radius="md" aria-label="Loading settings" />}
      {settings.isError && <ErrorAlert error={settings.error} title="Could not load the settings" onRetry={() => settings.refetch()} />}
      {settings.isSuccess && <SettingsForm initial={settings.data} />}
    </>
  );
}
