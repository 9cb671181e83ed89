import { Anchor, Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { RelativeTime } from '../../components/relative-time.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatCustomValue } from '../custom-fields/custom-value-input.tsx';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import type { CompanyDetail } from '../records/crm-types.ts';
import { CardTitle, DetailList } from '../records/detail-list.tsx';
import { formatMoney, formatNumber } from '../records/format.ts';
import { RecordName } from '../records/record-link.tsx';
import { CompanyFormModal } from './company-form-modal.tsx';

/** The company's fields, custom ones included; "Edit" opens the full form. */
export function CompanyDetailsCard({ company }: { company: CompanyDetail }) {
  const can = usePermissions();
  const defs = useCustomFields('company').data ?? [];
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Paper p="lg">
      <CardTitle
        title="Details"
        action={
          can('companies:write') && (
            <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={open}>
              Edit
            </Button>
          )
        }
      />
      <DetailList
        items={[
          {
            label: 'Domain',
            value: company.domain ? (
              <Anchor href={`https://${company.domain}`} target="_blank" rel="noreferrer" size="sm">
                {company.domain}
              </Anchor>
            ) : (
              ''
            ),
          },
          { label: 'Industry', value: company.industry },
          { label: 'Employees', value: formatNumber(company.employeeCount) },
          { label: 'Annual revenue', value: formatMoney(company.annualRevenue, company.annualRevenueCurrency) },
          { label: 'Country', value: [company.country, company.region].filter(Boolean).join(' · ') },
          { label: 'Parent company', value: company.parentCompanyId ? <RecordName entity="company" id={company.parentCompanyId} /> : '' },
          ...defs.map((d) => ({ key: `custom.${d.key}`, label: d.label, value: formatCustomValue(d, company.custom[d.key]) })),
          { label: 'Last activity', value: company.lastActivityAt ? <RelativeTime value={company.lastActivityAt} /> : '' },
          { label: 'Created', value: <RelativeTime value={company.createdAt} /> },
        ]}
      />
      <CompanyFormModal opened={opened} onClose={close} company={company} />
    </Paper>
  );
}
