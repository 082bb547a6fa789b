// Starts GOV.UK Frontend's components on every page. Loaded as a module, so browsers without module support skip it.
import { initAll } from '../govuk-frontend.min.js';

initAll();
