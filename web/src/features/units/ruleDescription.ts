import '../../i18n/id-units.ts';
import { URUSAN } from '@inovasi/core/browser';
import type { OpdProgressBoard } from '../../api/model.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

export type TargetRule = NonNullable<OpdProgressBoard['targetRule']>;
export const URUSAN_NAMES = new Map(URUSAN.map((urusan) => [urusan.code as string, urusan.name]));

/** One line saying what the rule asks, in the reader's language. */
export function useRuleDescription(): (rule: TargetRule, threshold: number | null) => string {
  const t = useT();
  return (rule, threshold) =>
    [
      rule.perOpd ? t('rule.describe.perOpd', { count: rule.perOpd }) : undefined,
      rule.perUnit
        ? t('rule.describe.perUnit', {
            count: rule.perUnit.count,
            kinds: rule.perUnit.kinds.map((kind) => t(`unitKind.${kind}`)).join(', '),
          })
        : undefined,
      rule.perUrusanOpd
        ? t('rule.describe.perUrusanOpd', {
            count: rule.perUrusanOpd.count,
            urusan: rule.perUrusanOpd.urusan.map((code) => URUSAN_NAMES.get(code) ?? code).join(', '),
          })
        : undefined,
      rule.onlyAtSendThreshold && threshold !== null
        ? t('rule.describe.threshold', { threshold })
        : undefined,
    ]
      .filter(Boolean)
      .join('; ');
}
