import '../../i18n/id-catalog.ts';
import { id } from '../../i18n/id.ts';
import { featureMessages } from '../../i18n/messages.ts';

/** Message families the catalogue detail shows (CatalogDetailContent), fixed values' labels included. */
const FAMILIES = ['catalog.', 'theme.', 'stage.', 'kind.', 'form.', 'profile.'];
const SINGLE = new Set(['app.none', 'app.name']);

/**
 * The Indonesian labels the server's string template of a catalogue detail needs
 * (functions/api/src/catalog-detail-page.ts). The web build writes them into the detail's shell, so
 * the server shows exactly the words this app would, without a copy of the dictionary of its own.
 */
export function detailPageLabels(): Record<string, string> {
  const all: Record<string, string> = { ...featureMessages, ...(id as Record<string, string>) };
  return Object.fromEntries(
    Object.entries(all).filter(
      ([key]) => SINGLE.has(key) || FAMILIES.some((family) => key.startsWith(family)),
    ),
  );
}
