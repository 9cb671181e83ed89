import type { contacts, LifecycleStage, Touch } from '../schema.ts';

export type ContactRow = typeof contacts.$inferSelect;

/** A contact's own fields as the API returns them (lists show these). */
export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  ownerId: string | null;
  companyId: string | null;
  lifecycleStage: LifecycleStage | null;
  lifecycleChangedAt: Date | null;
  leadStatus: string | null;
  leadStatusReason: string | null;
  source: string | null;
  firstTouch: Touch | null;
  lastTouch: Touch | null;
  emailConsent: string;
  doNotContact: boolean;
  tags: string[];
  custom: Record<string, unknown>;
  lastActivityAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The public fields of a contact row (drops workspace and soft-delete bookkeeping). */
export function toContact(r: ContactRow): Contact {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    displayName: r.displayName,
    email: r.email,
    phone: r.phone,
    title: r.title,
    ownerId: r.ownerId,
    companyId: r.companyId,
    lifecycleStage: r.lifecycleStage,
    lifecycleChangedAt: r.lifecycleChangedAt,
    leadStatus: r.leadStatus,
    leadStatusReason: r.leadStatusReason,
    source: r.source,
    firstTouch: r.firstTouch,
    lastTouch: r.lastTouch,
    emailConsent: r.emailConsent,
    doNotContact: r.doNotContact,
    tags: r.tags,
    custom: r.custom,
    lastActivityAt: r.lastActivityAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
