// The fleet page: lists the mailboxes of an environment with their status columns, approval, last error and
// alerts, using the public API of this service with the caller's own bearer token (kept in this tab only).
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const state = { environment: '', token: '' };

  function restore() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    state.environment = params.get('environment') || sessionStorage.getItem('exsync.environment') || '';
    state.token = params.get('token') || sessionStorage.getItem('exsync.token') || '';
    $('environment').value = state.environment;
    $('token').value = state.token;
    if (params.has('token')) {
      // Do not leave the token in the address bar or the history.
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    for (const name of ['mailboxStatus', 'incomingStatus', 'approval', 'errorCode', 'q']) {
      const value = new URLSearchParams(window.location.search).get(name);
      if (value) $(name).value = value;
    }
  }

  async function api(path) {
    const response = await fetch('/api/v1/environments/' + encodeURIComponent(state.environment) + path, {
      headers: { 'Authorization': 'Bearer ' + state.token, 'Accept': 'application/json' }
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error((body.title || response.status) + (body.detail ? ': ' + body.detail : ''));
    }
    return body;
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (className) td.className = className;
    return td;
  }

  function render(page) {
    const tbody = $('mailboxes').querySelector('tbody');
    tbody.replaceChildren();
    for (const m of page.items) {
      const tr = document.createElement('tr');
      tr.dataset.id = m.id;
      tr.append(
        cell(m.emailAddress),
        cell(m.regarding.type + ': ' + m.regarding.name),
        cell(m.incomingEmailStatus, m.incomingEmailStatus),
        cell(m.outgoingEmailStatus, m.outgoingEmailStatus),
        cell(m.actStatus, m.actStatus),
        cell(m.mailboxStatus, m.mailboxStatus),
        cell(m.emailAddressApproval),
        cell([m.enabledForIncomingEmail && 'in', m.enabledForOutgoingEmail && 'out', m.enabledForAct && 'ACT']
          .filter(Boolean).join(' ') || 'none'),
        cell(m.lastError ? m.lastError.code + (m.lastError.transientError ? ' (retrying)' : '') : '', 'code'),
        cell(m.lastTestCompletedOn ? new Date(m.lastTestCompletedOn).toLocaleString() : ''));
      tr.addEventListener('click', () => showAlerts(m));
      tbody.append(tr);
    }
    $('status').className = '';
    $('status').textContent = page.total + ' mailbox(es)' + (page.total > page.items.length
      ? ', showing the first ' + page.items.length : '');
  }

  async function showAlerts(mailbox) {
    const page = await api('/mailboxes/' + mailbox.id + '/alerts?size=50');
    $('alerts-of').textContent = mailbox.emailAddress;
    const list = $('alerts');
    list.replaceChildren();
    for (const a of page.items) {
      const li = document.createElement('li');
      li.textContent = a.level + ' · ' + a.code + (a.workload ? ' · ' + a.workload : '') + ' · ×' + a.count
        + ' · ' + a.message;
      list.append(li);
    }
    $('alerts-section').hidden = false;
  }

  async function load() {
    const query = new URLSearchParams({ size: '500' });
    for (const name of ['mailboxStatus', 'incomingStatus', 'approval', 'errorCode', 'q']) {
      const value = $(name).value.trim();
      if (value) query.set(name, value);
    }
    try {
      render(await api('/mailboxes?' + query));
    } catch (e) {
      $('status').className = 'error';
      $('status').textContent = e.message;
    }
  }

  $('connect').addEventListener('submit', (event) => {
    event.preventDefault();
    state.environment = $('environment').value.trim();
    state.token = $('token').value.trim();
    sessionStorage.setItem('exsync.environment', state.environment);
    sessionStorage.setItem('exsync.token', state.token);
    load();
  });
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });

  restore();
  if (state.environment && state.token) load();
})();
