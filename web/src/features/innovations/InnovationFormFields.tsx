import { Fieldset, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { MultiSelectField, SelectField } from '../../components/ChoiceField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { FormField, InnovationFormValues } from './formValues.ts';
import {
  classificationOptions,
  formOptions,
  initiatorOptions,
  kindOptions,
  type Option,
  stageOptions,
  urusanOptions,
} from './options.ts';
import { RancangBangunField } from './RancangBangunField.tsx';

export type FieldMessages = Partial<Record<FormField, string>>;

interface Props {
  values: InnovationFormValues;
  setField<F extends FormField>(field: F, value: InnovationFormValues[F]): void;
  errors: FieldMessages;
  readOnly: boolean;
  opds: Option[];
  opdLocked: boolean;
}

/** The innovation profile of the official form, grouped the way the form on paper groups it. */
export function InnovationFormFields({ values, setField, errors, readOnly, opds, opdLocked }: Props) {
  const t = useT();
  const urusan = useMemo(() => urusanOptions(), []);
  const choice = (field: FormField) => ({
    value: (values[field] as string) || null,
    onChange: (value: string | null) => setField(field, value ?? ''),
    error: errors[field],
    readOnly,
    clearable: !readOnly,
    placeholder: t('profile.select'),
    name: field,
    comboboxProps: { withinPortal: true },
  });
  const text = (field: Exclude<FormField, 'urusanOthers'>) => ({
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => setField(field, event.currentTarget.value),
    error: errors[field],
    readOnly,
    name: field,
  });

  const date = (field: 'trialDate' | 'implementationDate' | 'latestDevelopmentDate') => ({
    value: values[field],
    onChange: (value: string) => setField(field, value),
    error: errors[field],
    readOnly,
    name: field,
  });

  return (
    <Stack gap="lg">
      <Fieldset legend={t('profile.section.identity')}>
        <Stack gap="sm">
          <SelectField
            {...choice('opdId')}
            label={t('profile.opd')}
            placeholder={t('profile.opdPlaceholder')}
            data={opds}
            required
            searchable
            clearable={false}
            readOnly={readOnly || opdLocked}
            nothingFoundMessage={t('profile.noOpds')}
          />
          <TextInput
            {...text('name')}
            label={t('profile.name')}
            description={t('profile.nameHint')}
            required
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <SelectField {...choice('stage')} label={t('profile.stage')} data={stageOptions(t)} />
            <SelectField {...choice('initiator')} label={t('profile.initiator')} data={initiatorOptions(t)} />
          </SimpleGrid>
          <TextInput {...text('initiatorName')} label={t('profile.initiatorName')} maxLength={200} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('profile.section.classification')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SelectField
            {...choice('classification')}
            label={t('profile.classification')}
            data={classificationOptions(t)}
          />
          <SelectField {...choice('kind')} label={t('profile.kind')} data={kindOptions(t)} />
          <SelectField {...choice('form')} label={t('profile.form')} data={formOptions(t)} />
          <SelectField {...choice('urusanMain')} label={t('profile.urusanMain')} data={urusan} searchable />
        </SimpleGrid>
        <MultiSelectField
          mt="sm"
          label={t('profile.urusanOthers')}
          data={urusan}
          value={values.urusanOthers}
          onChange={(value) => setField('urusanOthers', value)}
          error={errors.urusanOthers}
          readOnly={readOnly}
          searchable
          clearable={!readOnly}
          maxValues={10}
          name="urusanOthers"
        />
      </Fieldset>

      <Fieldset legend={t('profile.section.dates')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField {...date('trialDate')} label={t('profile.trialDate')} />
          <DateField {...date('implementationDate')} label={t('profile.implementationDate')} />
          <DateField {...date('latestDevelopmentDate')} label={t('profile.latestDevelopmentDate')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('profile.section.narrative')}>
        <Stack gap="sm">
          <RancangBangunField
            value={values.rancangBangun}
            onChange={(value) => setField('rancangBangun', value)}
            error={errors.rancangBangun}
            readOnly={readOnly}
          />
          <Textarea {...text('tujuan')} label={t('profile.tujuan')} autosize minRows={3} maxRows={12} />
          <Textarea {...text('manfaat')} label={t('profile.manfaat')} autosize minRows={3} maxRows={12} />
          <Textarea {...text('hasil')} label={t('profile.hasil')} autosize minRows={3} maxRows={12} />
          <TextInput
            label={t('profile.budget')}
            description={t('profile.budgetHint')}
            // A plain input with Indonesian thousands dots: NumberInput would add ~9 kB to the form.
            value={groupThousands(values.budget)}
            onChange={(event) =>
              setField('budget', event.currentTarget.value.replace(/\D/g, '').replace(/^0+(?=\d)/, ''))
            }
            error={errors.budget}
            readOnly={readOnly}
            leftSection="Rp"
            inputMode="numeric"
            autoComplete="off"
            name="budget"
            maw={{ base: '100%', sm: 320 }}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

/** 1500000 → "1.500.000", as budgets are written in Indonesian documents. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
