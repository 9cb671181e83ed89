import { Button, Group, Paper, Stepper, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { entityLabels, type ImportEntity, type ImportFile, type Mapping, type Preset } from './import-types.ts';
import { MappingStep } from './mapping-step.tsx';
import { defaultKey, type ImportOptions, OptionsStep } from './options-step.tsx';
import { UploadStep } from './upload-step.tsx';
import { useStartImport } from './use-imports.ts';

/** Upload → map (with preview) → options → run; the run itself is followed on the import's own page. */
export function ImportWizardScreen() {
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [mapping, setMappingState] = useState<Mapping | undefined>();
  const [preset, setPreset] = useState<Preset | undefined>();
  const [options, setOptions] = useState<ImportOptions>({ mode: 'upsert', key: 'email', duplicatesInFile: 'merge', saveMappingAs: '' });
  const start = useStartImport();
  const setMapping = useCallback((m: Mapping | undefined) => setMappingState(m), []);

  const chooseEntity = (e: ImportEntity) => {
    setEntity(e);
    setOptions((o) => ({ ...o, key: defaultKey[e] }));
    setMapping(undefined);
  };
  const mapped = mapping && Object.values(mapping).some(Boolean);
  const run = () =>
    file &&
    mapping &&
    start.mutate(
      {
        fileId: file.id,
        entity,
        mode: options.mode,
        key: options.key,
        mapping,
        duplicatesInFile: options.duplicatesInFile,
        saveMappingAs: options.saveMappingAs.trim() || undefined,
      },
      { onSuccess: (res) => navigate({ to: '/imports/$importId', params: { importId: res.import.id } }) },
    );

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring contacts, companies, deals or activities in from a CSV file. Rows with problems are skipped and listed in an error report; the rest go in. You can undo an import for 7 days."
      />
      <Paper p="lg">
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Upload" description={file ? file.name : 'Choose a file'}>
            <UploadStep
              entity={entity}
              onEntityChange={chooseEntity}
              onUploaded={(f) => {
                setFile(f);
                setMapping(undefined);
                setStep(1);
              }}
            />
          </Stepper.Step>
          <Stepper.Step label="Map columns" description="Columns to fields">
            {file && (
              <>
                <Text size="sm" c="dimmed" mb="md">
                  {file.name}: {file.headers.length} columns, {file.encoding}, separated by{' '}
                  {file.delimiter === '\t' ? 'tabs' : `“${file.delimiter}”`}. Importing {entityLabels[entity].toLowerCase()}.
                </Text>
                <MappingStep
                  file={file}
                  entity={entity}
                  mapping={mapping}
                  onMappingChange={setMapping}
                  preset={preset}
                  onPresetChange={setPreset}
                />
              </>
            )}
          </Stepper.Step>
          <Stepper.Step label="Options" description="Add, update, match">
            <OptionsStep entity={entity} value={options} onChange={setOptions} />
          </Stepper.Step>
        </Stepper>
        {start.isError && <ErrorAlert error={start.error} title="The import could not start" />}
        {step > 0 && (
          <Group justify="space-between" mt="xl">
            <Button variant="default" onClick={() => setStep(step - 1)}>
              Back
            </Button>
            {step === 1 && (
              <Button onClick={() => setStep(2)} disabled={!mapped}>
                Next: options
              </Button>
            )}
            {step === 2 && (
              <Button onClick={run} loading={start.isPending}>
                Start import
              </Button>
            )}
          </Group>
        )}
      </Paper>
    </>
  );
}
