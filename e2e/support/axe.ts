import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * GOV.UK Frontend's conditional reveals put `aria-expanded` on the radio or checkbox that reveals the
 * question; axe calls that attribute not allowed on a radio. The Design System keeps it on purpose,
 * as screen readers announce it (a documented known issue: alphagov/govuk-frontend#979), so that one
 * finding is set aside; any other disallowed attribute, and the same one anywhere else, still fails.
 */
const isGovukConditionalReveal = (violation: Result, node: Result['nodes'][number]) =>
  violation.id === 'aria-allowed-attr' &&
  node.html.includes('aria-expanded=') &&
  /class="govuk-(radios|checkboxes)__input"/.test(node.html) &&
  node.any.concat(node.all, node.none).every((check) => String(check.message).includes('aria-expanded'));

/** axe-core violations a user would feel: serious or critical, against WCAG 2.2 AA, each with where it is. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // Only violations are read here; not collecting the passes makes a run cheaper.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isGovukConditionalReveal(v, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};
