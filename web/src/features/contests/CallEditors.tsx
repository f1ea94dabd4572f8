import { Checkbox, Fieldset, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n/I18nProvider.tsx';
import {
  type CategoryDraft,
  type CriterionDraft,
  type EntrantChoice,
  type FieldDraft,
  type FieldType,
  newCategory,
  newCriterion,
  newField,
} from './callDrafts.ts';
import { EditableRows } from './EditableRows.tsx';

type Errors = Readonly<Record<string, string>>;

/** A criterion's score scale: its lowest and highest score, whole numbers. */
const SCALE_BOUNDS = [
  { field: 'scaleMin', min: 0 },
  { field: 'scaleMax', min: 1 },
] as const;

/**
 * The criteria of one judged stage, each with its weight and its own score scale (1–10 by default,
 * 0–100 or 1–5 where the call wants it). `path` is the server's field path, e.g. `criteria.desk`.
 */
export function CriteriaEditor({
  legend,
  path,
  value,
  onChange,
  errors,
}: {
  legend: string;
  path: string;
  value: readonly CriterionDraft[];
  onChange: (value: CriterionDraft[]) => void;
  errors: Errors;
}) {
  const t = useT();
  return (
    <Fieldset legend={legend} data-testid={`criteria-${path}`}>
      <EditableRows
        value={value}
        onChange={onChange}
        create={newCriterion}
        gap="xs"
        addLabel={t('contests.criterion.add')}
        keepOne
      >
        {(criterion, index, { set, removeButton }) => {
          const at = `${path}.${index}`;
          return (
            <Group gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                label={t('contests.criterion.label')}
                value={criterion.label}
                onChange={(e) => set({ label: e.currentTarget.value })}
                error={errors[`${at}.label`]}
                required
                miw={180}
                style={{ flex: '2 1 180px' }}
              />
              <NumberInput
                label={t('contests.criterion.weight')}
                value={criterion.weight}
                onChange={(weight) => set({ weight })}
                min={0}
                max={100}
                error={errors[`${at}.weight`]}
                style={{ flex: '1 1 90px' }}
              />
              {SCALE_BOUNDS.map(({ field, min }) => (
                <NumberInput
                  key={field}
                  label={t(`contests.criterion.${field}`)}
                  value={criterion[field]}
                  onChange={(bound) => set(field === 'scaleMin' ? { scaleMin: bound } : { scaleMax: bound })}
                  min={min}
                  max={100}
                  allowDecimal={false}
                  error={errors[`${at}.${field}`]}
                  style={{ flex: '1 1 90px' }}
                />
              ))}
              {removeButton(criterion.label || t('contests.criterion.number', { number: index + 1 }))}
            </Group>
          );
        }}
      </EditableRows>
    </Fieldset>
  );
}

/** The call's categories: who may enter each, and the questions each asks beside the profile. */
export function CategoriesEditor({
  value,
  onChange,
  errors,
}: {
  value: readonly CategoryDraft[];
  onChange: (value: CategoryDraft[]) => void;
  errors: Errors;
}) {
  const t = useT();
  return (
    <Fieldset legend={t('contests.field.categories')} data-testid="categories-editor">
      <EditableRows
        value={value}
        onChange={onChange}
        create={newCategory}
        gap="md"
        addLabel={t('contests.category.add')}
        keepOne
      >
        {(category, index, { set, removeButton }) => {
          const at = `categories.${index}`;
          const name = category.label || t('contests.category.number', { number: index + 1 });
          return (
            <Stack gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  label={t('contests.category.label')}
                  value={category.label}
                  onChange={(e) => set({ label: e.currentTarget.value })}
                  error={errors[`${at}.label`] ?? errors[`${at}.id`]}
                  required
                  style={{ flex: '2 1 180px' }}
                />
                <NativeSelect
                  label={t('contests.category.entrants')}
                  value={category.entrants}
                  onChange={(e) => set({ entrants: e.currentTarget.value as EntrantChoice })}
                  data={(['opd', 'citizen', 'both'] as const).map((choice) => ({
                    value: choice,
                    label: t(`contests.category.entrants.${choice}`),
                  }))}
                  style={{ flex: '1 1 160px' }}
                />
                {removeButton(name)}
              </Group>
              <FieldsEditor
                category={name}
                path={`${at}.extraFields`}
                value={category.fields}
                onChange={(fields) => set({ fields })}
                errors={errors}
              />
            </Stack>
          );
        }}
      </EditableRows>
    </Fieldset>
  );
}

function FieldsEditor({
  category,
  path,
  value,
  onChange,
  errors,
}: {
  category: string;
  path: string;
  value: readonly FieldDraft[];
  onChange: (value: FieldDraft[]) => void;
  errors: Errors;
}) {
  const t = useT();
  return (
    <EditableRows
      value={value}
      onChange={onChange}
      create={newField}
      gap={6}
      addLabel={t('contests.categoryField.add')}
      addAriaLabel={t('contests.categoryField.addTo', { category })}
      compact
    >
      {(field, index, { set, removeButton }) => {
        const at = `${path}.${index}`;
        return (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('contests.categoryField.label', { category })}
              value={field.label}
              onChange={(e) => set({ label: e.currentTarget.value })}
              error={errors[`${at}.label`] ?? errors[`${at}.key`]}
              required
              style={{ flex: '2 1 180px' }}
            />
            <NativeSelect
              label={t('contests.categoryField.type')}
              value={field.type}
              onChange={(e) => set({ type: e.currentTarget.value as FieldType })}
              data={(['text', 'number'] as const).map((type) => ({
                value: type,
                label: t(`contests.categoryField.type.${type}`),
              }))}
              style={{ flex: '1 1 120px' }}
            />
            <Checkbox
              label={t('contests.categoryField.required')}
              checked={field.required}
              onChange={(e) => set({ required: e.currentTarget.checked })}
              mb={8}
            />
            {removeButton(field.label || t('contests.categoryField.number', { number: index + 1 }))}
          </Group>
        );
      }}
    </EditableRows>
  );
}
