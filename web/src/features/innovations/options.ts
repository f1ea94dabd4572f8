// Pure data (no zod), so importing it from the domain package adds ~2 kB instead of a copy that drifts.
import { URUSAN, type UrusanGroup } from '@inovasi/core/browser';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { Opd } from '../../api/model.ts';
import {
  CLASSIFICATIONS,
  INITIATORS,
  INNOVATION_FORMS,
  INNOVATION_KINDS,
  INNOVATION_STAGES,
} from '../../api/model.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';

export type Option = ComboboxItem;

export function stageOptions(t: Translate): Option[] {
  return INNOVATION_STAGES.map((value) => ({ value, label: t(`stage.${value}`) }));
}

export function initiatorOptions(t: Translate): Option[] {
  return INITIATORS.map((value) => ({ value, label: t(`initiator.${value}`) }));
}

export function classificationOptions(t: Translate): Option[] {
  return CLASSIFICATIONS.map((value) => ({ value, label: t(`classification.${value}`) }));
}

export function kindOptions(t: Translate): Option[] {
  return INNOVATION_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }));
}

export function formOptions(t: Translate): Option[] {
  return INNOVATION_FORMS.map((value) => ({ value, label: t(`form.${value}`) }));
}

/** Archived OPDs are not offered, except the one an existing innovation already belongs to. */
export function opdOptions(opds: readonly Opd[], keepId?: string): Option[] {
  return opds
    .filter((opd) => !opd.archived || opd.id === keepId)
    .map((opd) => ({ value: opd.id, label: opd.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));
}

const URUSAN_GROUP_TITLES: Record<UrusanGroup, string> = {
  wajib_pelayanan_dasar: 'Wajib — pelayanan dasar',
  wajib_non_pelayanan_dasar: 'Wajib — non pelayanan dasar',
  pilihan: 'Pilihan',
};

/** Urusan names are the official Indonesian names (UU 23/2014) in both languages. */
export function urusanOptions(): ComboboxItemGroup<Option>[] {
  return (Object.keys(URUSAN_GROUP_TITLES) as UrusanGroup[]).map((group) => ({
    group: URUSAN_GROUP_TITLES[group],
    items: URUSAN.filter((urusan) => urusan.group === group).map((urusan) => ({
      value: urusan.code,
      label: urusan.name,
    })),
  }));
}
