import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { emitEvent } from '../../kernel/events/index.ts';
import { type ContactDetail, contacts, getContact, lifecycleHistory } from '../../modules/contacts/index.ts';
import { type Flow, runFlow } from '../flow.ts';
import { type Chosen, chooseValues } from './choose-values.ts';
import { contactRules, latestConsent, moveCompanyLinks, moveEmails, movePhones } from './contact-merge-parts.ts';
import { type ContactRow, lockContacts } from './lock-records.ts';
import { checkMergeInput, type MergeInput } from './merge-input.ts';
import {
  aliasMergedRecords,
  contactReferences,
  latest,
  moveActivityLinks,
  moveDealContacts,
  moveNotificationLinks,
  repoint,
} from './move-references.ts';

interface State {
  input: MergeInput;
  records: ContactRow[];
  before: ContactDetail[];
  chosen: Chosen;
  primaryEmail: string | null;
  primaryPhone: string | null;
  after?: ContactDetail;
}

const survivorOf = (s: State) => s.input.survivorId;
const mergedOf = (s: State) => s.input.mergedIds;

/** The steps of a contact merge; each one's database writes are undone by the flow's rollback. */
export const mergeContactsFlow: Flow<State> = {
  name: 'merge-contacts',
  steps: [
    { name: 'check-input', run: async (_ctx, s) => checkMergeInput(s.input) },
    {
      name: 'lock-records',
      run: async (ctx, s) => {
        s.records = await lockContacts(ctx, s.input);
      },
    },
    {
      name: 'snapshot-records',
      run: async (ctx, s) => {
        for (const r of s.records) s.before.push(await getContact(ctx, r.id));
      },
    },
    {
      name: 'choose-values',
      run: async (_ctx, s) => {
        s.chosen = chooseValues(s.records, contactRules, s.input.fields);
      },
    },
    {
      name: 'move-emails-and-phones',
      run: async (ctx, s) => {
        s.primaryEmail = await moveEmails(ctx, survivorOf(s), mergedOf(s), s.chosen.values.email as string | null);
        s.primaryPhone = await movePhones(ctx, survivorOf(s), mergedOf(s), s.chosen.values.phone as string | null);
      },
    },
    {
      name: 'move-company-links',
      run: (ctx, s) => moveCompanyLinks(ctx, survivorOf(s), mergedOf(s), s.chosen.values.companyId as string | null),
    },
    { name: 'move-activity-links', run: (ctx, s) => moveActivityLinks(ctx, 'contact', survivorOf(s), mergedOf(s)) },
    { name: 'move-deal-contacts', run: (ctx, s) => moveDealContacts(ctx, survivorOf(s), mergedOf(s)) },
    { name: 'move-tasks-and-histories', run: (ctx, s) => repoint(ctx, contactReferences, survivorOf(s), mergedOf(s)) },
    { name: 'move-notification-links', run: (ctx, s) => moveNotificationLinks(ctx, survivorOf(s), mergedOf(s)) },
    { name: 'alias-merged-records', run: (ctx, s) => aliasMergedRecords(ctx, 'contact', survivorOf(s), mergedOf(s)) },
    {
      name: 'delete-merged-records',
      run: async (ctx, s) =>
        void (await ctx.db.execute(sql`delete from contacts where workspace_id = ${ctx.workspaceId} and id in ${mergedOf(s)}`)),
    },
    { name: 'update-survivor', run: updateSurvivor },
    {
      name: 'record-merge',
      run: async (ctx, s) => {
        const id = survivorOf(s);
        s.after = await getContact(ctx, id);
        await recordAudit(ctx, {
          action: 'contact.merged',
          entityType: 'contact',
          entityId: id,
          before: s.before,
          after: { ...s.after, mergedIds: mergedOf(s), sources: s.chosen.sources },
        });
        await emitEvent(ctx, {
          type: 'contact.merged',
          entityType: 'contact',
          entityId: id,
          data: { survivorId: id, mergedIds: mergedOf(s) },
        });
      },
    },
  ],
};

/** Writes the chosen values on the survivor, with the primary email and phone that survived and the joined tags. */
async function updateSurvivor(ctx: Ctx, s: State) {
  const [survivor] = s.records;
  // Every rule is a contacts column of the same name, so the chosen values have the row's types.
  const v = s.chosen.values as unknown as ContactRow;
  const leadFrom = s.records.find((r) => r.id === s.chosen.sources.leadStatus)!;
  const firstName = v.firstName ?? '';
  const lastName = v.lastName ?? '';
  const email = s.primaryEmail ?? v.email;
  const phone = s.primaryPhone ?? v.phone;
  const stage = v.lifecycleStage;
  const stageChanged = stage !== survivor!.lifecycleStage;
  const now = new Date();
  const consent =
    (await latestConsent(ctx, survivor!.id)) ?? s.records.find((r) => r.emailConsent !== 'not_set')?.emailConsent ?? 'not_set';
  await ctx.db
    .update(contacts)
    .set({
      firstName,
      lastName,
      displayName: `${firstName} ${lastName}`.trim() || email || phone || survivor!.displayName,
      email,
      phone,
      title: v.title,
      ownerId: v.ownerId,
      companyId: v.companyId,
      source: v.source,
      leadStatus: v.leadStatus,
      leadStatusReason: leadFrom.leadStatusReason,
      firstTouch: v.firstTouch,
      lastTouch: v.lastTouch,
      doNotContact: v.doNotContact,
      emailConsent: consent,
      tags: [...new Set(s.records.flatMap((r) => r.tags))],
      custom: s.chosen.custom,
      lastActivityAt: latest(s.records.map((r) => r.lastActivityAt)),
      ...(stageChanged && { lifecycleStage: stage, lifecycleChangedAt: now }),
      updatedAt: now,
    })
    .where(eq(contacts.id, survivor!.id));
  if (stageChanged && stage) {
    await ctx.db.insert(lifecycleHistory).values({
      workspaceId: ctx.workspaceId,
      contactId: survivor!.id,
      fromStage: survivor!.lifecycleStage,
      toStage: stage,
      changedAt: now,
      actorType: 'rule',
      actorId: ctx.actor.userId ?? ctx.actor.id,
      rule: 'merge',
    });
    await emitEvent(ctx, {
      type: 'contact.lifecycle_changed',
      entityType: 'contact',
      entityId: survivor!.id,
      data: { from: survivor!.lifecycleStage, to: stage, rule: 'merge' },
    });
  }
}

/**
 * Merges 1–9 contacts into a survivor: every email, phone, company link, activity, task, lifecycle
 * and consent entry and notification link moves to it; chosen fields (`fields`, or the defaults in
 * contactRules) are written on it; merged ids become aliases that still resolve, and the merged rows
 * are deleted. One transaction: on any error nothing changes.
 */
export async function mergeContacts(ctx: Ctx, input: MergeInput): Promise<ContactDetail> {
  const state = await runFlow(ctx, mergeContactsFlow, {
    input,
    records: [],
    before: [],
    chosen: { values: {}, custom: {}, sources: {} },
    primaryEmail: null,
    primaryPhone: null,
  });
  return state.after!;
}
