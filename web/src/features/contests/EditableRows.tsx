import { Button, type MantineSpacing, Stack } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';

/** What a row of an editable list gets to change itself and to offer its own removal. */
export interface RowTools<T> {
  /** Changes some of the row's fields. */
  readonly set: (patch: Partial<T>) => void;
  /** The row's remove button, named after the row for screen readers. */
  readonly removeButton: (name: string) => ReactNode;
}

/**
 * The call editor's repeated block: rows of a list (criteria, categories, a category's fields),
 * each with its remove button, then the add button. Rows keep their draft `row` key across edits,
 * so removing one does not hand its inputs' state to the next.
 */
export function EditableRows<T extends { readonly row: string | number }>({
  value,
  onChange,
  create,
  gap,
  addLabel,
  addAriaLabel,
  compact = false,
  keepOne = false,
  children,
}: {
  value: readonly T[];
  onChange: (value: T[]) => void;
  create: () => T;
  gap: MantineSpacing | number;
  addLabel: string;
  addAriaLabel?: string;
  /** A small subtle add button, and remove buttons aligned with inputs' bottoms (nested lists). */
  compact?: boolean;
  /** The last row cannot be removed (a call needs at least one criterion, one category). */
  keepOne?: boolean;
  children: (item: T, index: number, tools: RowTools<T>) => ReactNode;
}) {
  const t = useT();
  const toolsAt = (index: number): RowTools<T> => ({
    set: (patch) => onChange(value.map((current, at) => (at === index ? { ...current, ...patch } : current))),
    removeButton: (name) => (
      <Button
        variant="subtle"
        color="red"
        {...(compact ? {} : { mt: 24 })}
        onClick={() => onChange(value.filter((_, at) => at !== index))}
        {...(keepOne ? { disabled: value.length === 1 } : {})}
        aria-label={t('contests.remove', { name })}
      >
        {t('contests.removeShort')}
      </Button>
    ),
  });
  return (
    <Stack gap={gap}>
      {value.map((item, index) => (
        <Fragment key={item.row}>{children(item, index, toolsAt(index))}</Fragment>
      ))}
      <Button
        variant={compact ? 'subtle' : 'light'}
        {...(compact ? { size: 'xs' } : {})}
        w="fit-content"
        onClick={() => onChange([...value, create()])}
        {...(addAriaLabel ? { 'aria-label': addAriaLabel } : {})}
      >
        {addLabel}
      </Button>
    </Stack>
  );
}
