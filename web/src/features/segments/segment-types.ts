import type { FilterNode } from '../records/crm-types.ts';

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  definition: FilterNode;
  timeRelative: boolean;
  status: 'building' | 'ready';
  memberCount: number;
  builtAt: string | null;
  createdAt: string;
  updatedAt: string;
  rebuild?: { jobId: string; status: string; done: number; total: number } | null;
}
export interface Member {
  id: string;
  displayName: string;
  email: string | null;
  lifecycleStage: string | null;
  companyName: string | null;
  at: string | null;
}
export interface MemberPage {
  items: Member[];
  nextAfter: string | null;
  total: number;
}
export interface Preview {
  count: number;
  sample: Member[];
  tookMs: number;
}
export interface HistoryEntry {
  segmentId: string;
  segmentName: string;
  contactId: string;
  contactName: string | null;
  change: 'entered' | 'exited';
  at: string;
}
export interface ContactList {
  id: string;
  name: string;
  description: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}
export interface ListMembersResult {
  changed: number;
  unmatched: string[];
  unmatchedCount: number;
  memberCount: number;
}
export interface ContactAudience {
  segments: { id: string; name: string; enteredAt: string }[];
  lists: { id: string; name: string; addedAt: string; source: string }[];
  history: HistoryEntry[];
}
