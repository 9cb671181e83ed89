import { Button, FileButton, Group, Paper, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type UploadProgress, uploadFile } from '../../lib/api/index.ts';
import { entityLabels, type ImportEntity, type ImportFile, importEntities } from './import-types.ts';

const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

interface Props {
  entity: ImportEntity;
  onEntityChange(e: ImportEntity): void;
  onUploaded(file: ImportFile): void;
}

/** Step 1: what to import and the file, uploaded with a progress bar (cancellable). */
export function UploadStep({ entity, onEntityChange, onUploaded }: Props) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    setError(null);
    abort.current = new AbortController();
    setProgress({ loaded: 0, total: file.size });
    try {
      const res = await uploadFile<{ file: ImportFile }>(`/api/import-files?name=${encodeURIComponent(file.name)}`, file, {
        contentType: file.type === 'text/csv' ? 'text/csv' : 'application/octet-stream',
        onProgress: setProgress,
        signal: abort.current.signal,
      });
      onUploaded(res.file);
    } catch (err) {
      if ((err as Error)?.name !== 'AbortError') setError(err);
    } finally {
      setProgress(null);
    }
  }

  const pct = progress?.total ? (progress.loaded / progress.total) * 100 : 0;
  return (
    <Stack gap="lg">
      <div>
        <Text fw={600} size="sm" mb={6} id="import-entity-label">
          What does the file hold?
        </Text>
        <SegmentedControl
          aria-labelledby="import-entity-label"
          value={entity}
          onChange={(v) => onEntityChange(v as ImportEntity)}
          data={importEntities.map((e) => ({ value: e, label: entityLabels[e] }))}
          disabled={!!progress}
        />
      </div>
      <Paper
        withBorder
        p="xl"
        radius="md"
        style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-color-brand-light)' : undefined }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!progress) void upload(e.dataTransfer.files[0] ?? null);
        }}
      >
        {progress ? (
          <Stack gap="xs" aria-live="polite">
            <Text size="sm">
              Uploading… {size(progress.loaded)} of {size(progress.total)}
            </Text>
            <Progress value={pct} animated aria-label={`${Math.round(pct)}% uploaded`} />
            <Group justify="flex-end">
              <Button variant="default" size="xs" onClick={() => abort.current?.abort()}>
                Cancel upload
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack align="center" gap="sm">
            <IconFileUpload size={36} stroke={1.5} aria-hidden />
            <Text fw={600}>Drop a CSV or TSV file here</Text>
            <Text size="sm" c="dimmed" ta="center">
              Up to 2 GB. UTF-8, UTF-16 or Windows-1252; commas, semicolons, tabs or pipes; HubSpot and Salesforce exports work as they are.
            </Text>
            <FileButton onChange={upload} accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values">
              {(props) => (
                <Button {...props} data-testid="choose-file">
                  Choose a file
                </Button>
              )}
            </FileButton>
          </Stack>
        )}
      </Paper>
      {error ? <ErrorAlert error={error} title="The file could not be used" /> : null}
    </Stack>
  );
}
