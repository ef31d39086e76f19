/* global document, EventSource, window */
// BIN's only script: live progress of a run, and the search box of record tables. Every page
// works without it; it adds what plain HTML cannot do.
'use strict';

function followRun(section) {
  const bar = document.getElementById('run-bar');
  const fields = {
    done: document.getElementById('run-done'),
    total: document.getElementById('run-total'),
    failed: document.getElementById('run-failed'),
    current: document.getElementById('run-current'),
    phase: document.getElementById('run-phase'),
  };
  const events = new EventSource(section.dataset.events);

  events.addEventListener('progress', (message) => {
    const progress = JSON.parse(message.data);
    fields.done.textContent = String(progress.done);
    fields.total.textContent = String(progress.total);
    fields.failed.textContent = String(progress.failed);
    fields.current.textContent = progress.current || '—';
    if (progress.phase === 'applying') {
      fields.phase.textContent = 'Posting…';
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.done;
    }
  });

  events.addEventListener('finished', () => {
    events.close();
    window.location.reload();
  });
}

function filterRows(input) {
  const table = document.getElementById(input.dataset.filter);
  if (!table) return;
  const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const row of table.tBodies[0].rows) {
    const text = row.dataset.search || '';
    row.hidden = !words.every((word) => text.includes(word));
  }
}

function showAccountKind(form) {
  const chosen = form.querySelector('input[name="bc_kind"]:checked');
  for (const group of form.querySelectorAll('.kind')) {
    group.hidden = chosen !== null && group.dataset.kind !== chosen.value;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const run = document.getElementById('run');
  if (run && run.dataset.events) followRun(run);

  for (const input of document.querySelectorAll('input[data-filter]')) {
    input.addEventListener('input', () => filterRows(input));
  }

  const login = document.querySelector('form.login');
  if (login) {
    showAccountKind(login);
    for (const radio of login.querySelectorAll('input[name="bc_kind"]')) {
      radio.addEventListener('change', () => showAccountKind(login));
    }
  }
});
