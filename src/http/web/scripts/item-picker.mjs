// Progressive enhancement for the item picker (views/portfolio/_item-picker.njk): filters the items in the page as the author
// types or chooses a framework, instead of posting the form. Without JavaScript the "Filter items" button posts
// the form, which comes back with everything typed kept. Ticked items are always shown; nothing is unticked.

const DEBOUNCE_MS = 150;

const start = (picker) => {
  picker.dataset.enhanced = 'true';
  const filter = picker.querySelector('[data-item-picker-filter]');
  const framework = picker.querySelector('[data-item-picker-framework]');
  const button = picker.querySelector('[data-item-picker-button]');
  const status = picker.querySelector('[data-item-picker-status]');
  const empty = picker.querySelector('[data-item-picker-empty]');
  const groups = [...picker.querySelectorAll('[data-item-picker-group]')];

  const apply = () => {
    const words = (filter?.value ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = framework?.value ?? '';
    const browsing = words.length > 0 || chosen !== '';
    let shown = 0;
    for (const group of groups) {
      const id = group.dataset.framework ?? '';
      let shownHere = 0;
      for (const item of group.querySelectorAll('[data-item-picker-item]')) {
        const input = item.querySelector('input');
        const search = item.dataset.search ?? '';
        const visible = Boolean(input?.checked) || (browsing && (chosen === '' || chosen === id) && words.every((w) => search.includes(w)));
        item.hidden = !visible;
        if (visible) shownHere += 1;
      }
      group.hidden = shownHere === 0;
      const details = group.querySelector('details');
      if (details && shownHere > 0 && browsing) details.open = true;
      shown += shownHere;
    }
    if (empty) {
      empty.hidden = shown > 0;
      empty.textContent = words.length > 0 ? `No items match “${filter.value.trim()}”.` : (empty.dataset.emptyText ?? '');
    }
    if (status) status.textContent = browsing ? `${shown} item${shown === 1 ? '' : 's'} shown, and any you have chosen.` : '';
  };

  let timer;
  filter?.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(apply, DEBOUNCE_MS);
  });
  // Enter in the filter box filters here rather than submitting the form.
  filter?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    apply();
  });
  framework?.addEventListener('change', apply);
  button?.addEventListener('click', (event) => {
    event.preventDefault();
    apply();
    filter?.focus();
  });
};

for (const picker of document.querySelectorAll('[data-item-picker]')) {
  if (picker instanceof HTMLElement && picker.dataset.enhanced !== 'true') start(picker);
}
