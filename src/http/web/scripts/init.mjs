// Starts GOV.UK Frontend's components on every page. Loaded as a module, so browsers without module support skip it.
import { initAll } from '../govuk-frontend.min.js';

initAll();

// The evidence editor's as-you-type suggestions, loaded only on a page that has the editor.
if (document.getElementById('evidence-suggestions')) import('./evidence-suggestions.mjs');
// The item picker (evidence, judgements, CPD, reviews) filters in the page, loaded only where there is one.
if (document.querySelector('[data-item-picker]')) import('./item-picker.mjs');
