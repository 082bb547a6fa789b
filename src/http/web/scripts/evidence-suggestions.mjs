// Progressive enhancement for the evidence editor: as the author types, suggests the competency items the
// text best supports, as unticked GOV.UK checkboxes named "claims". Without JavaScript the editor's own item
// picker is all there is. Suggestions stay suggestions until ticked; a ticked one is never taken away.

const DEBOUNCE_MS = 400;
const MIN_CHARACTERS = 12;

const body = document.getElementById('evidence-body');
const box = document.getElementById('evidence-suggestions');

const labelFor = (count) => (count === 1 ? '1 suggested item' : `${count} suggested items`);

const start = (textarea, container) => {
  container.dataset.enhanced = 'true';
  const form = textarea.form;
  const endpoint = container.dataset.endpoint || '/api/evidence/suggestions';
  const frameworks = (container.dataset.frameworks || '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);

  const fieldset = document.createElement('fieldset');
  fieldset.className = 'govuk-fieldset';
  const legend = document.createElement('legend');
  legend.className = 'govuk-fieldset__legend govuk-fieldset__legend--s';
  legend.textContent = 'Suggested items';
  const hint = document.createElement('p');
  hint.className = 'govuk-hint';
  hint.textContent = 'Suggested from what you have written. Tick the ones your evidence shows.';
  const status = document.createElement('p');
  status.className = 'govuk-body-s';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const list = document.createElement('div');
  list.className = 'govuk-checkboxes govuk-checkboxes--small';
  fieldset.append(legend, hint, status, list);
  // Suggestions the server rendered (the no-JavaScript "suggest" button) join the live list, ticks and all.
  const rendered = [...container.querySelectorAll('.govuk-checkboxes__item')].filter((item) =>
    item.querySelector('input[type="checkbox"]'),
  );
  for (const item of rendered) {
    item.dataset.code = item.querySelector('input')?.value ?? '';
    list.append(item);
  }
  container.replaceChildren(fieldset);

  let counter = 0;
  let timer;
  let inFlight;
  let lastText = '';

  // The picker's own checkbox for a code, outside the suggestions, if the form has one.
  const pickerBox = (code) =>
    [...(form ? form.querySelectorAll('input[name="claims"]') : [])].find((input) => input.value === code && !list.contains(input));

  const itemFor = (suggestion) => {
    counter += 1;
    const id = `suggested-claim-${counter}`;
    const item = document.createElement('div');
    item.className = 'govuk-checkboxes__item';
    item.dataset.code = suggestion.code;
    const input = document.createElement('input');
    input.className = 'govuk-checkboxes__input';
    input.type = 'checkbox';
    input.id = id;
    input.value = suggestion.code;
    const picker = pickerBox(suggestion.code);
    if (picker) {
      // The picker already offers this item: mirror it rather than submit the code twice.
      input.checked = picker.checked;
      input.addEventListener('change', () => {
        picker.checked = input.checked;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      });
    } else {
      input.name = 'claims';
    }
    const label = document.createElement('label');
    label.className = 'govuk-label govuk-checkboxes__label';
    label.htmlFor = id;
    const code = document.createElement('strong');
    code.textContent = suggestion.code;
    const framework = document.createElement('span');
    framework.className = 'govuk-hint govuk-!-margin-bottom-0';
    framework.textContent = suggestion.frameworkTitle;
    label.append(code, ` — ${suggestion.text}`, framework);
    item.append(input, label);
    return item;
  };

  const render = (suggestions) => {
    const kept = new Set();
    for (const item of [...list.children]) {
      const input = item.querySelector('input');
      // Ticked suggestions are the author's choice now: they stay whatever the next suggestions are.
      if (input?.checked) kept.add(item.dataset.code);
      else item.remove();
    }
    for (const suggestion of suggestions) if (!kept.has(suggestion.code)) list.append(itemFor(suggestion));
    status.textContent = labelFor(suggestions.length);
  };

  const fetchSuggestions = async () => {
    const text = textarea.value;
    if (text === lastText) return;
    lastText = text;
    if (text.trim().length < MIN_CHARACTERS) {
      render([]);
      return;
    }
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-pathways-request': '1' },
        body: JSON.stringify(frameworks.length > 0 ? { text, frameworks } : { text }),
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const { suggestions } = await response.json();
      render(Array.isArray(suggestions) ? suggestions : []);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      lastText = '';
      status.textContent = 'Suggestions are not available at the moment. You can still choose items yourself.';
    }
  };

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });
  // Keep mirrored suggestions in step when the author ticks the same item in the picker.
  form?.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.name !== 'claims' || list.contains(target)) return;
    for (const input of list.querySelectorAll('input')) if (input.value === target.value && !input.name) input.checked = target.checked;
  });
  if (textarea.value.trim().length >= MIN_CHARACTERS) void fetchSuggestions();
};

if (body instanceof HTMLTextAreaElement && box instanceof HTMLElement && box.dataset.enhanced !== 'true') start(body, box);
