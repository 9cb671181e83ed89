/**
 * What a workspace export holds: one CSV per table, in load order (a table's references come before it).
 * Every column but workspace_id is written; the importer maps `ids` (records of this export) to new ids,
 * `users` (uuid columns) and `actors` (text columns that hold a user id or a label) to the target's users.
 */
export interface TableSpec {
  table: string;
  /** Keyset order: the primary key without workspace_id. */
  key: string[];
  ids: string[];
  users?: string[];
  actors?: string[];
  /** jsonb columns in which record and user ids are rewritten (saved views' filters name owners and companies). */
  jsonWithIds?: string[];
}

export const workspaceTables: TableSpec[] = [
  { table: 'custom_field_definitions', key: ['id'], ids: ['id'] },
  { table: 'teams', key: ['id'], ids: ['id'], users: ['manager_id'] },
  { table: 'team_members', key: ['team_id', 'user_id'], ids: ['team_id'], users: ['user_id'] },
  { table: 'companies', key: ['id'], ids: ['id', 'parent_company_id'], users: ['owner_id'] },
  { table: 'contacts', key: ['id'], ids: ['id', 'company_id'], users: ['owner_id'] },
  { table: 'contact_emails', key: ['email'], ids: ['contact_id'] },
  { table: 'contact_phones', key: ['id'], ids: ['id', 'contact_id'] },
  { table: 'contact_companies', key: ['contact_id', 'company_id'], ids: ['contact_id', 'company_id'] },
  { table: 'lifecycle_history', key: ['id'], ids: ['id', 'contact_id'], actors: ['actor_id'] },
  { table: 'consent_history', key: ['id'], ids: ['id', 'contact_id'], actors: ['actor_id'] },
  { table: 'record_aliases', key: ['alias_id'], ids: ['alias_id', 'target_id'] },
  { table: 'activities', key: ['id'], ids: ['id'], users: ['owner_id'], actors: ['created_by'] },
  { table: 'activity_links', key: ['activity_id', 'entity_type', 'entity_id'], ids: ['activity_id', 'entity_id'] },
  { table: 'tasks', key: ['id'], ids: ['id', 'entity_id'], users: ['assignee_id'], actors: ['created_by', 'completed_by'] },
  { table: 'saved_views', key: ['id'], ids: ['id'], users: ['owner_id'], jsonWithIds: ['definition'] },
];

/** Members without secrets (no password hashes, sessions or API keys); the importer finds or creates users by email. */
export const membersFile = 'members.csv';
/** Tags in use with their counts (informational: tags live on the records). */
export const tagsFile = 'tags.csv';
export const manifestFile = 'manifest.json';
export const formatName = 'tandem-workspace';
export const formatVersion = 1;

export interface ManifestFile {
  name: string;
  table: string | null;
  rows: number;
  bytes: number;
  sha256: string;
  columns: { name: string; type: string }[];
}

export interface Manifest {
  format: typeof formatName;
  formatVersion: number;
  exportedAt: string;
  workspace: { id: string; name: string; timezone: string; currency: string; settings: Record<string, unknown> };
  files: ManifestFile[];
}
