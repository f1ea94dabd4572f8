/**
 * Bahasa Indonesia messages of feature areas that load with their own chunks (`id-*.ts`). Each of
 * those modules adds its messages here when it is first imported, before any of its screens render.
 */
export const featureMessages: Record<string, string> = {};

export function addMessages(messages: Readonly<Record<string, string>>): void {
  Object.assign(featureMessages, messages);
}
