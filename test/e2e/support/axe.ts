import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

type AxeInPage = { run(context: unknown, options: unknown): Promise<axe.AxeResults> };

/** Runs axe-core inside the page (all default rules: WCAG A/AA and best practices) and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated over the DevTools protocol rather than added as a <script>: the product's
  // Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and must stay on in tests.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (options) => {
      const scope = globalThis as unknown as { axe: AxeInPage; document: unknown };
      return scope.axe.run(scope.document, options);
    },
    { resultTypes: ['violations'] },
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
