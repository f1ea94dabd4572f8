import { type MultiSelectProps, type SelectProps, TextInput } from '@mantine/core';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

// Select and MultiSelect bring Mantine's combobox, popover and floating-ui (about 35 KB gzip): the
// innovation form shows its choices long before anyone opens one, so they arrive after the first paint.
const Select = lazy(() =>
  import('./choiceInputs.ts').then((module) => ({ default: module.Select as ComponentType<SelectProps> })),
);
const MultiSelect = lazy(() =>
  import('./choiceInputs.ts').then((module) => ({
    default: module.MultiSelect as ComponentType<MultiSelectProps>,
  })),
);

interface ChoiceOption {
  value: string;
  label: string;
}
type ChoiceData = readonly (ChoiceOption | { group: ReactNode; items: ChoiceOption[] })[];
type WithOptions<P> = Omit<P, 'data'> & { data: ChoiceData };

function allOptions(data: ChoiceData): ChoiceOption[] {
  return data.flatMap((entry) => ('group' in entry ? entry.items : [entry]));
}

/** Mantine's Select; until its chunk arrives the same label shows the chosen option read-only. */
export function SelectField(props: WithOptions<SelectProps>) {
  const chosen = allOptions(props.data).find((option) => option.value === props.value)?.label ?? '';
  return (
    <Suspense fallback={<ChoicePlaceholder {...props} shown={chosen} />}>
      <Select {...props} data={[...props.data]} />
    </Suspense>
  );
}

/** Mantine's MultiSelect; until its chunk arrives the same label lists the chosen options read-only. */
export function MultiSelectField(props: WithOptions<MultiSelectProps>) {
  const chosen = allOptions(props.data)
    .filter((option) => props.value?.includes(option.value))
    .map((option) => option.label)
    .join(', ');
  return (
    <Suspense fallback={<ChoicePlaceholder {...props} shown={chosen} />}>
      <MultiSelect {...props} data={[...props.data]} />
    </Suspense>
  );
}

function ChoicePlaceholder({
  label,
  description,
  error,
  required,
  disabled,
  mt,
  shown,
}: Pick<SelectProps, 'label' | 'description' | 'error' | 'required' | 'disabled' | 'mt'> & {
  shown: string;
}) {
  return (
    <TextInput
      label={label}
      description={description}
      error={error}
      required={required}
      disabled={disabled}
      mt={mt}
      value={shown}
      readOnly
      data-choice-field-loading
    />
  );
}
