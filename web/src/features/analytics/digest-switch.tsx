import { Switch, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '../../lib/api/index.ts';
import { useAnalyticsMutation, useDigestSubscription } from './use-analytics.ts';

/** Subscribes the signed-in member to the KPI board by email every Monday morning (workspace time zone). */
export function DigestSwitch() {
  const digest = useDigestSubscription();
  const change = useAnalyticsMutation((on: boolean) =>
    on ? api.post('/api/analytics/digest-subscription') : api.delete('/api/analytics/digest-subscription'),
  );
  return (
    <Tooltip label="The board as an email every Monday from 07:00, your workspace's time zone" withArrow>
      <Switch
        label="Email me every Monday"
        checked={digest.data?.subscribed ?? false}
        disabled={digest.isPending || change.isPending}
        onChange={(e) =>
          change.mutate(e.currentTarget.checked, {
            onError: (err) => notifications.show({ color: 'red', title: 'Could not change the weekly email', message: err.message }),
          })
        }
      />
    </Tooltip>
  );
}
