import { Alert, Badge, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { useMe, usePermissions } from '../auth/use-me.ts';
import { LinesTable } from './quote-lines-table.tsx';
import { type Quote, quoteStatusLabel } from './quote-types.ts';
import { type QuoteAction, useCreateOrderFromQuote, useQuote, useQuoteAction } from './use-quotes.ts';

/** The approval state of a quote, with request / approve / reject where the user may. */
function ApprovalBanner({ quote, run, busy }: { quote: Quote; run: (a: QuoteAction, comment?: string) => void; busy: boolean }) {
  const can = usePermissions();
  const me = useMe();
  const [comment, setComment] = useState('');
  const open = quote.approvals.find((a) => a.decision === null);
  const last = quote.approvals.at(-1);
  const own = open?.requestedBy === me.user?.id || quote.createdBy === me.user?.id;
  if (quote.status === 'pending_approval')
    return (
      <Alert color="orange" variant="light" title="Waiting for a manager to approve the discount">
        <Text size="sm">{open?.reason}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          Asked by {open?.requestedByName ?? 'someone'}.
        </Text>
        {can('quotes:approve') &&
          (own ? (
            <Text size="sm" mt="xs">
              You asked for this discount, so another manager or admin has to decide it.
            </Text>
          ) : (
            <Stack gap="xs" mt="sm">
              <Textarea
                label="Comment"
                placeholder="Required when rejecting"
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                autosize
              />
              <Group gap="xs">
                <Button color="teal" loading={busy} onClick={() => run('approve', comment)}>
                  Approve discount
                </Button>
                <Button color="red" variant="light" loading={busy} onClick={() => run('reject', comment)}>
                  Reject
                </Button>
              </Group>
            </Stack>
          ))}
      </Alert>
    );
  if (quote.status === 'draft' && quote.needsApproval)
    return (
      <Alert color="orange" variant="light" title={`Discount above ${quote.approvalLimitPct}% needs approval`}>
        <Text size="sm">
          The largest line discount is {quote.maxLineDiscountPct}%. A manager or admin must approve it before the quote is sent.
          {last?.decision === 'rejected' && ` Last answer from ${last.decidedByName}: “${last.comment}”`}
        </Text>
        {can('quotes:write') && (
          <Button mt="sm" color="orange" loading={busy} onClick={() => run('request-approval')}>
            Request approval
          </Button>
        )}
      </Alert>
    );
  if (last?.decision === 'approved' && quote.status === 'approved')
    return (
      <Alert color="teal" variant="light" title="Discount approved">
        <Text size="sm">
          {last.decidedByName} approved it{last.comment ? `: “${last.comment}”` : '.'}
        </Text>
      </Alert>
    );
  return null;
}

/** One quote version: status, approval, lines, totals, PDF and the next steps. */
export function QuotePanel({ id, onSelect, onEdit }: { id: string; onSelect: (id: string) => void; onEdit: (q: Quote) => void }) {
  const quote = useQuote(id);
  const can = usePermissions();
  const action = useQuoteAction();
  const toOrder = useCreateOrderFromQuote();
  if (quote.isPending) return <Skeleton height={240} radius="md" aria-label="Loading the quote" />;
  if (quote.isError) return <ErrorAlert error={quote.error} title="Could not load the quote" onRetry={() => quote.refetch()} />;
  const q = quote.data;
  const run = (a: QuoteAction, comment?: string) =>
    action.mutate(
      { id: q.id, action: a, comment: a === 'approve' || a === 'reject' || comment ? comment : undefined },
      {
        onSuccess: (after) =>
          notifications.show({ color: 'teal', message: `${after.displayNumber}: ${quoteStatusLabel[after.status].label}` }),
        onError: (err) => notifications.show({ color: 'red', title: 'That did not work', message: errorMessage(err) }),
      },
    );
  const write = can('quotes:write') && q.latest;
  const status = quoteStatusLabel[q.status];
  return (
    <Paper withBorder p="md" radius="md" aria-label={`Quote ${q.displayNumber} version ${q.version}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={3}>
                {q.displayNumber} · v{q.version}
              </Title>
              <Badge color={status.color} variant="light" tt="none" data-testid="quote-status">
                {status.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              Valid until {q.validUntil}
              {q.sentAt && ` · sent ${new Date(q.sentAt).toLocaleDateString()}`}
            </Text>
          </Stack>
          {q.versions.length > 1 && (
            <SegmentedControl
              aria-label="Version"
              size="xs"
              value={q.id}
              onChange={onSelect}
              data={q.versions.map((v) => ({ value: v.id, label: `v${v.version}` }))}
            />
          )}
        </Group>
        {!q.latest && (
          <Alert color="gray" variant="light">
            A newer version of this quote exists; this one is kept as it was sent.
          </Alert>
        )}
        <ApprovalBanner quote={q} run={run} busy={action.isPending} />
        <LinesTable lines={q.lines} currency={q.currency} totals={q} />
        {q.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {q.notes}
          </Text>
        )}
        <Group gap="xs">
          <Button component="a" href={`/api/quotes/${q.id}/pdf`} download variant="default" leftSection={<IconDownload size={16} />}>
            Download PDF
          </Button>
          {write && q.status !== 'accepted' && (
            <Button variant="default" onClick={() => onEdit(q)}>
              {['sent', 'rejected', 'expired'].includes(q.status) ? 'Revise (new version)' : 'Edit'}
            </Button>
          )}
          {write && q.status === 'draft' && !q.needsApproval && (
            <Button variant="light" loading={action.isPending} onClick={() => run('ready')}>
              Mark ready
            </Button>
          )}
          {write && (q.status === 'approved' || (q.status === 'draft' && !q.needsApproval)) && (
            <Button loading={action.isPending} onClick={() => run('send')}>
              Mark sent
            </Button>
          )}
          {write && q.status === 'sent' && (
            <>
              <Button color="green" loading={action.isPending} onClick={() => run('accept')}>
                Mark accepted
              </Button>
              <Button color="red" variant="light" loading={action.isPending} onClick={() => run('decline')}>
                Mark declined
              </Button>
            </>
          )}
          {q.status === 'accepted' && !q.orderId && can('orders:write') && (
            <Button
              color="green"
              leftSection={<IconFileInvoice size={16} />}
              loading={toOrder.isPending}
              onClick={() =>
                toOrder.mutate(q.id, {
                  onSuccess: (o) => notifications.show({ color: 'teal', message: `Order ${o.displayNumber} created` }),
                  onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
                })
              }
            >
              Create order
            </Button>
          )}
          {q.orderId && (
            <ButtonLink to="/orders/$orderId" params={{ orderId: q.orderId }} variant="light">
              View order
            </ButtonLink>
          )}
        </Group>
        {q.status === 'accepted' && (
          <Text size="xs" c="dimmed">
            Accepted quotes are locked. To change the offer, create a new quote on{' '}
            <AnchorLink to="/deals/$dealId" params={{ dealId: q.dealId }}>
              this deal
            </AnchorLink>
            .
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
