import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  TextInput,
} from '@mantine/core';
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

type Errors = Readonly<Record<string, string>>;

const replaceAt = <T,>(items: readonly T[], index: number, item: T): T[] =>
  items.map((current, at) => (at === index ? item : current));
const removeAt = <T,>(items: readonly T[], index: number): T[] => items.filter((_, at) => at !== index);

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
  const set = (index: number, patch: Partial<CriterionDraft>) =>
    onChange(replaceAt(value, index, { ...(value[index] as CriterionDraft), ...patch }));
  return (
    <Fieldset legend={legend} data-testid={`criteria-${path}`}>
      <Stack gap="xs">
        {value.map((criterion, index) => {
          const at = `${path}.${index}`;
          const name = criterion.label || t('contests.criterion.number', { number: index + 1 });
          return (
            <Group key={criterion.row} gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                label={t('contests.criterion.label')}
                value={criterion.label}
                onChange={(e) => set(index, { label: e.currentTarget.value })}
                error={errors[`${at}.label`]}
                required
                miw={180}
                style={{ flex: '2 1 180px' }}
              />
              <NumberInput
                label={t('contests.criterion.weight')}
                value={criterion.weight}
                onChange={(weight) => set(index, { weight })}
                min={0}
                max={100}
                error={errors[`${at}.weight`]}
                style={{ flex: '1 1 90px' }}
              />
              <NumberInput
                label={t('contests.criterion.scaleMin')}
                value={criterion.scaleMin}
                onChange={(scaleMin) => set(index, { scaleMin })}
                min={0}
                max={100}
                allowDecimal={false}
                error={errors[`${at}.scaleMin`]}
                style={{ flex: '1 1 90px' }}
              />
              <NumberInput
                label={t('contests.criterion.scaleMax')}
                value={criterion.scaleMax}
                onChange={(scaleMax) => set(index, { scaleMax })}
                min={1}
                max={100}
                allowDecimal={false}
                error={errors[`${at}.scaleMax`]}
                style={{ flex: '1 1 90px' }}
              />
              <Button
                variant="subtle"
                color="red"
                mt={24}
                onClick={() => onChange(removeAt(value, index))}
                disabled={value.length === 1}
                aria-label={t('contests.remove', { name })}
              >
                {t('contests.removeShort')}
              </Button>
            </Group>
          );
        })}
        <Button variant="light" w="fit-content" onClick={() => onChange([...value, newCriterion()])}>
          {t('contests.criterion.add')}
        </Button>
      </Stack>
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
  const set = (index: number, patch: Partial<CategoryDraft>) =>
    onChange(replaceAt(value, index, { ...(value[index] as CategoryDraft), ...patch }));
  return (
    <Fieldset legend={t('contests.field.categories')} data-testid="categories-editor">
      <Stack gap="md">
        {value.map((category, index) => {
          const at = `categories.${index}`;
          const name = category.label || t('contests.category.number', { number: index + 1 });
          return (
            <Stack
              key={category.row}
              gap="xs"
              pl="sm"
              style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
            >
              <Group gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  label={t('contests.category.label')}
                  value={category.label}
                  onChange={(e) => set(index, { label: e.currentTarget.value })}
                  error={errors[`${at}.label`] ?? errors[`${at}.id`]}
                  required
                  style={{ flex: '2 1 180px' }}
                />
                <NativeSelect
                  label={t('contests.category.entrants')}
                  value={category.entrants}
                  onChange={(e) => set(index, { entrants: e.currentTarget.value as EntrantChoice })}
                  data={(['opd', 'citizen', 'both'] as const).map((choice) => ({
                    value: choice,
                    label: t(`contests.category.entrants.${choice}`),
                  }))}
                  style={{ flex: '1 1 160px' }}
                />
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  onClick={() => onChange(removeAt(value, index))}
                  disabled={value.length === 1}
                  aria-label={t('contests.remove', { name })}
                >
                  {t('contests.removeShort')}
                </Button>
              </Group>
              <FieldsEditor
                category={name}
                path={`${at}.extraFields`}
                value={category.fields}
                onChange={(fields) => set(index, { fields })}
                errors={errors}
              />
            </Stack>
          );
        })}
        <Button variant="light" w="fit-content" onClick={() => onChange([...value, newCategory()])}>
          {t('contests.category.add')}
        </Button>
      </Stack>
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
  const set = (index: number, patch: Partial<FieldDraft>) =>
    onChange(replaceAt(value, index, { ...(value[index] as FieldDraft), ...patch }));
  return (
    <Stack gap={6}>
      {value.map((field, index) => {
        const at = `${path}.${index}`;
        const name = field.label || t('contests.categoryField.number', { number: index + 1 });
        return (
          <Group key={field.row} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('contests.categoryField.label', { category })}
              value={field.label}
              onChange={(e) => set(index, { label: e.currentTarget.value })}
              error={errors[`${at}.label`] ?? errors[`${at}.key`]}
              required
              style={{ flex: '2 1 180px' }}
            />
            <NativeSelect
              label={t('contests.categoryField.type')}
              value={field.type}
              onChange={(e) => set(index, { type: e.currentTarget.value as FieldType })}
              data={(['text', 'number'] as const).map((type) => ({
                value: type,
                label: t(`contests.categoryField.type.${type}`),
              }))}
              style={{ flex: '1 1 120px' }}
            />
            <Checkbox
              label={t('contests.categoryField.required')}
              checked={field.required}
              onChange={(e) => set(index, { required: e.currentTarget.checked })}
              mb={8}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => onChange(removeAt(value, index))}
              aria-label={t('contests.remove', { name })}
            >
              {t('contests.removeShort')}
            </Button>
          </Group>
        );
      })}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...value, newField()])}
        aria-label={t('contests.categoryField.addTo', { category })}
      >
        {t('contests.categoryField.add')}
      </Button>
    </Stack>
  );
}
