/** The import API's shapes (see the import HTTP contract in docs/ARCHITECTURE.md, "Imports"). */
export const importEntities = ['contacts', 'companies', 'deals', 'activities'] as const;
export type ImportEntity = (typeof importEntities)[number];
export type ImportMode = 'create' | 'update' | 'upsert';
export type ImportKey = 'email' | 'domain' | 'external_id';
export type Preset = 'hubspot' | 'salesforce';
export type Mapping = Record<string, string | null>;

export interface ImportFile {
  id: string;
  name: string;
  size: number;
  encoding: string;
  delimiter: string;
  hasHeader: boolean;
  headers: string[];
  sampleRows: string[][];
}

export interface ImportField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  custom: boolean;
}

export interface PreviewRow {
  rowNumber: number;
  values: Record<string, unknown>;
  errors: { column: string; field: string; value: unknown; problem: string }[];
}

export interface Preview {
  mapping: Mapping;
  suggested: boolean;
  rows: PreviewRow[];
}

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'undoing' | 'undone';

export interface Import {
  id: string;
  entity: ImportEntity;
  fileName: string;
  mode: ImportMode;
  key: ImportKey;
  status: ImportStatus;
  progress: {
    processedRows: number;
    totalRows: number | null;
    bytesRead: number;
    totalBytes: number;
    rowsPerSecond: number;
    etaSeconds: number | null;
  };
  counts: { created: number; updated: number; skipped: number; failed: number };
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoableUntil: string | null;
  error: string | null;
}

export interface SavedMapping {
  id: string;
  name: string;
  entity: ImportEntity;
  mapping: Mapping;
}

export const entityLabels: Record<ImportEntity, string> = {
  contacts: 'Contacts',
  companies: 'Companies',
  deals: 'Deals',
  activities: 'Activities',
};
export const liveStatuses = new Set<ImportStatus>(['queued', 'running', 'undoing']);
