// buildstop's page: the endpoint's builds, their phases, batches and events, and a Stop button.
// Plain ES2020, no framework. Every value from the server is set with textContent (never innerHTML), and the page's
// Content-Security-Policy allows no inline script or style: styles are classes, widths are set through the CSSOM.
'use strict';

(() => {
  const BASE = '/_buildstop/ui/';
  const FAST_MS = 1000;
  const SLOW_MS = 10000;
  const PAGE_SIZE = 25;
  const MAX_EVENTS_SHOWN = 100;

  const state = {
    project: '',
    status: '',
    tokens: [null], // tokens[i] is the nextToken that opens page i (null: the first page)
    pageIndex: 0,
    selectedId: null,
    settings: null,
    lastEvent: 0,
    delay: FAST_MS,
    timer: null,
    polling: false,
    again: false,
    projectsAt: 0,
    // the server's time at the last answer, and this page's monotonic time then: the open phase grows from these
    serverNow: null,
    localAt: 0,
    rows: new Map(),
    batchRows: new Map(),
    detail: null,
  };

  const $ = (id) => document.getElementById(id);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null) continue;
      if (name === 'class') node.className = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // ---- time

  function serverNowMs() {
    if (state.serverNow === null) return Date.now();
    return state.serverNow + (performance.now() - state.localAt);
  }

  function noteNow(iso) {
    const parsed = Date.parse(iso);
    if (!Number.isNaN(parsed)) {
      state.serverNow = parsed;
      state.localAt = performance.now();
    }
  }

  function duration(seconds) {
    if (seconds === null) return '';
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const r = s % 60;
    const two = (n) => String(n).padStart(2, '0');
    if (h > 0) return `${h}h ${two(m)}m ${two(r)}s`;
    if (m > 0) return `${m}m ${two(r)}s`;
    return `${r}s`;
  }

  function age(iso) {
    if (!iso) return '';
    return `${duration((serverNowMs() - Date.parse(iso)) / 1000)} ago`;
  }

  // an open phase's time so far, on the server's clock; a closed one's duration; null for a phase without one
  // (COMPLETED has a start time alone)
  function phaseSeconds(phase, open) {
    if (open) return phase.startTime ? (serverNowMs() - Date.parse(phase.startTime)) / 1000 : 0;
    if (phase.durationInSeconds !== undefined) return phase.durationInSeconds;
    if (phase.endTime !== undefined && phase.startTime !== undefined) {
      return (Date.parse(phase.endTime) - Date.parse(phase.startTime)) / 1000;
    }
    return null;
  }

  // ---- the server

  async function get(path, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== '') query.set(name, value);
    }
    const text = query.toString();
    const response = await fetch(BASE + path + (text ? `?${text}` : ''), { cache: 'no-store' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(`${body.__type || response.status}: ${body.message || response.statusText}`);
      error.answer = body;
      throw error;
    }
    return body;
  }

  async function post(path, body) {
    const response = await fetch(BASE + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Buildstop-Page': '1' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    const answer = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, answer };
  }

  // ---- polling with backoff

  function schedule(ms) {
    clearTimeout(state.timer);
    state.timer = setTimeout(poll, ms);
  }

  // a user's action: poll now, and fast again
  function pollNow() {
    state.delay = FAST_MS;
    schedule(0);
  }

  async function poll() {
    if (state.polling) {
      state.again = true;
      return;
    }
    state.polling = true;
    let busy = false;
    try {
      if (state.settings === null) state.settings = await get('settings');
      const token = state.tokens[state.pageIndex];
      const filter = { project: state.project, status: state.status };
      const [builds, batches, events] = await Promise.all([
        get('builds', { ...filter, nextToken: token, maxResults: PAGE_SIZE }),
        get('batches', { ...filter, maxResults: 10 }),
        get('events', { after: state.lastEvent }),
      ]);
      noteNow(builds.now);
      let detail = null;
      if (state.selectedId) {
        try {
          detail = (await get('build', { id: state.selectedId })).build;
        } catch (error) {
          // the build was evicted or deleted: the detail says so, the page goes on
          detail = { missing: true, message: error.message };
        }
      }
      if (Date.now() - state.projectsAt > SLOW_MS) {
        showProjects((await get('projects')).projects);
        state.projectsAt = Date.now();
      }
      showBuilds(builds);
      showDetail(detail);
      showBatches(batches.buildBatches);
      showEvents(events);
      connection('live', false);
      busy = builds.builds.some((b) => !b.buildComplete)
        || batches.buildBatches.some((b) => !b.complete)
        || state.selectedId !== null;
      state.delay = busy ? FAST_MS : Math.min(state.delay * 2, SLOW_MS);
    } catch (error) {
      state.delay = Math.min(state.delay * 2, SLOW_MS);
      connection(`server unreachable (${error.message}); retrying in ${Math.round(state.delay / 1000)}s`, true);
    } finally {
      state.polling = false;
    }
    schedule(state.again ? 0 : state.delay);
    state.again = false;
  }

  function connection(text, error) {
    const node = $('connection');
    node.textContent = text;
    node.classList.toggle('live', !error);
    node.classList.toggle('error', error);
  }

  // ---- projects filter

  function showProjects(projects) {
    const select = $('filter-project');
    const wanted = ['', ...projects.map((p) => p.name)];
    const have = Array.from(select.options).map((o) => o.value);
    if (wanted.length === have.length && wanted.every((v, i) => v === have[i])) {
      projects.forEach((p, i) => { select.options[i + 1].textContent = `${p.name} (${p.runningBuilds}/${p.builds})`; });
      return;
    }
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, 'all projects'),
      ...projects.map((p) => el('option', { value: p.name }, `${p.name} (${p.runningBuilds}/${p.builds})`)));
    select.value = wanted.includes(chosen) ? chosen : '';
  }

  // ---- builds list

  function showBuilds(answer) {
    const body = $('build-rows');
    const seen = new Set();
    const ordered = [];
    for (const build of answer.builds) {
      seen.add(build.id);
      const key = JSON.stringify(build);
      let row = state.rows.get(build.id);
      if (!row || row.key !== key) {
        const node = buildRow(build);
        if (row) row.node.replaceWith(node);
        row = { node, key, build };
        state.rows.set(build.id, row);
      }
      row.node.classList.toggle('selected', build.id === state.selectedId);
      ordered.push(row.node);
    }
    for (const [id, row] of state.rows) {
      if (!seen.has(id)) {
        row.node.remove();
        state.rows.delete(id);
      }
    }
    // reorder only when the order changed, so that rows a person points at stay where they are
    const current = Array.from(body.children);
    if (current.length !== ordered.length || current.some((node, i) => node !== ordered[i])) {
      body.replaceChildren(...ordered);
    }
    $('no-builds').hidden = answer.builds.length > 0;

    const first = state.pageIndex * PAGE_SIZE + 1;
    const last = state.pageIndex * PAGE_SIZE + answer.builds.length;
    $('page-info').textContent = answer.builds.length === 0
      ? `0 of ${answer.matched}`
      : `${first}–${last} of ${answer.matched}`;
    state.tokens.length = state.pageIndex + 1;
    if (answer.nextToken) state.tokens.push(answer.nextToken);
    $('next-page').disabled = !answer.nextToken;
    $('prev-page').disabled = state.pageIndex === 0;
    tick();
  }

  function buildRow(build) {
    const row = el('tr', {
      class: 'build-row',
      'data-testid': 'build-row',
      'data-build-id': build.id,
      tabindex: 0,
    },
    el('td', {}, el('span', { class: `status ${build.buildStatus}`, 'data-testid': 'build-status' },
      build.buildStatus)),
    el('td', { class: 'mono', 'data-testid': 'build-phase' }, build.currentPhase),
    el('td', {}, build.projectName),
    el('td', { class: 'mono', title: build.id },
      build.buildNumber !== undefined ? `#${build.buildNumber} ${shortId(build.id)}` : shortId(build.id)),
    el('td', { 'data-testid': 'build-age', 'data-start': build.startTime }, age(build.startTime)));
    const select = () => {
      state.selectedId = build.id;
      for (const other of state.rows.values()) other.node.classList.toggle('selected', other.node === row);
      pollNow();
    };
    row.addEventListener('click', select);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select();
      }
    });
    return row;
  }

  function shortId(id) {
    const colon = id.indexOf(':');
    return colon < 0 ? id : id.slice(colon + 1, colon + 9);
  }

  // ---- the selected build: updated in place, so that its Stop button stays the same element while it runs

  function showDetail(build) {
    const holder = $('detail-holder');
    if (build === null) {
      if (state.detail !== null) {
        holder.replaceChildren(el('p', { class: 'muted' }, 'Select a build to see its phases.'));
        state.detail = null;
      }
      return;
    }
    if (build.missing) {
      holder.replaceChildren(el('p', { class: 'muted' }, `${state.selectedId}: ${build.message}`));
      state.detail = null;
      return;
    }
    let view = state.detail;
    if (view === null || view.id !== build.id) {
      view = detailView(build.id);
      holder.replaceChildren(view.root);
      state.detail = view;
    }
    const key = JSON.stringify(build) + String(state.settings.stopAllowed);
    if (view.key !== key) {
      view.key = key;
      fillDetail(view, build);
    }
    tick();
  }

  function detailView(id) {
    const view = {
      id,
      key: null,
      status: el('span', { 'data-testid': 'detail-status' }),
      phase: el('span', { class: 'mono' }),
      title: el('span', {}),
      stop: null,
      facts: el('dl', { class: 'facts' }),
      phases: el('ol', { class: 'phases' }),
      variables: el('div', {}),
    };
    view.head = el('div', { class: 'detail-head' }, view.status, view.phase, view.title);
    view.root = el('div', { 'data-testid': 'build-detail', 'data-build-id': id },
      view.head, view.facts, view.phases, view.variables);
    return view;
  }

  function fillDetail(view, build) {
    const running = !build.buildComplete;
    view.status.textContent = build.buildStatus;
    view.status.className = `status ${build.buildStatus}`;
    view.phase.textContent = build.currentPhase;
    view.title.textContent = build.buildNumber !== undefined
      ? `${build.projectName} #${build.buildNumber}` : build.projectName;
    if (running && view.stop === null) {
      view.stop = stopButton('stop-build', 'Stop build', 'stop-build', build.id);
      view.head.append(view.stop);
    } else if (!running && view.stop !== null) {
      view.stop.remove();
      view.stop = null;
    }
    if (view.stop !== null) allowStop(view.stop);

    const facts = [];
    const fact = (name, value) => {
      if (value !== undefined && value !== null && value !== '') facts.push(el('dt', {}, name), el('dd', {}, value));
    };
    fact('id', build.id);
    fact('started', build.startTime ? new Date(build.startTime).toLocaleString() : '');
    fact('ended', build.endTime ? new Date(build.endTime).toLocaleString() : '');
    fact('source version', build.sourceVersion);
    fact('initiator', build.initiator);
    fact('batch', build.buildBatchArn);
    view.facts.replaceChildren(...facts);

    const items = Array.from(view.phases.children);
    build.phases.forEach((phase, i) => {
      let item = items[i];
      if (!item || item.getAttribute('data-phase-type') !== phase.phaseType) {
        item = phaseItem();
        if (items[i]) items[i].replaceWith(item); else view.phases.append(item);
        items[i] = item;
      }
      const open = phase.endTime === undefined && running;
      item.phase = phase;
      item.setAttribute('data-phase-type', phase.phaseType);
      item.setAttribute('data-phase-status', phase.phaseStatus || '');
      item.setAttribute('data-phase-open', open ? 'true' : 'false');
      item.nameNode.textContent = phase.phaseType;
      item.statusNode.textContent = phase.phaseStatus || (open ? 'running' : '');
      item.statusNode.className = `phase-status ${phase.phaseStatus || ''}`;
      item.open = open;
      item.durationNode.textContent = duration(phaseSeconds(phase, open));
    });
    items.slice(build.phases.length).forEach((item) => item.remove());

    if (build.environmentVariables.length > 0) {
      const list = el('ul', { class: 'variables' });
      for (const variable of build.environmentVariables) {
        list.append(el('li', {}, el('code', {}, variable.name), ` (${variable.type})`,
          variable.value !== undefined ? ` = ${variable.value}` : ''));
      }
      const open = view.variables.querySelector('details')?.open ?? false;
      const details = el('details', {}, el('summary', {}, 'Environment variables'), list);
      details.open = open;
      view.variables.replaceChildren(details);
    } else {
      view.variables.replaceChildren();
    }
  }

  function phaseItem() {
    const item = el('li', { class: 'phase', 'data-testid': 'phase' });
    item.nameNode = el('span', { class: 'phase-name' });
    item.statusNode = el('span', { class: 'phase-status' });
    item.durationNode = el('span', { class: 'phase-duration', 'data-testid': 'phase-duration' });
    item.fill = el('div', { class: 'bar-fill' });
    item.append(item.nameNode, item.statusNode, item.durationNode, el('div', { class: 'bar' }, item.fill));
    return item;
  }

  function stopButton(testid, label, path, id) {
    const button = el('button', { type: 'button', class: 'stop', 'data-testid': testid }, label);
    allowStop(button);
    button.addEventListener('click', async (event) => {
      event.stopPropagation();
      if (button.disabled) return;
      button.disabled = true;
      await stop(path, id);
      allowStop(button);
    });
    return button;
  }

  // a Stop button is disabled, with the reason as its title, when the endpoint lets the page stop nothing
  function allowStop(button) {
    const allowed = state.settings.stopAllowed;
    button.disabled = !allowed;
    if (allowed) button.removeAttribute('title');
    else button.title = state.settings.stopRefusedBecause || 'This endpoint does not let the page stop builds';
  }

  async function stop(path, id) {
    const result = $('stop-result');
    try {
      const { ok, answer } = await post(path, { id });
      if (ok) {
        const stopped = answer.build || answer.buildBatch;
        const status = answer.build ? answer.build.buildStatus : answer.buildBatch.buildBatchStatus;
        result.textContent = `${path === 'stop-build' ? 'StopBuild' : 'StopBuildBatch'} ${stopped.id}: ${status}`;
        result.classList.remove('error');
      } else {
        result.textContent = `${answer.__type || `HTTP ${answer.status}`}: ${answer.message || ''}`;
        result.classList.add('error');
      }
    } catch (error) {
      result.textContent = `Stop failed: ${error.message}`;
      result.classList.add('error');
    }
    state.projectsAt = 0;
    pollNow();
  }

  // ---- batches: each row updated in place, as the selected build

  function showBatches(batches) {
    const holder = $('batch-rows');
    const seen = new Set();
    const ordered = [];
    for (const batch of batches) {
      seen.add(batch.id);
      let view = state.batchRows.get(batch.id);
      if (!view) {
        view = batchView(batch.id);
        state.batchRows.set(batch.id, view);
      }
      const key = JSON.stringify(batch) + String(state.settings.stopAllowed);
      if (view.key !== key) {
        view.key = key;
        fillBatch(view, batch);
      }
      ordered.push(view.root);
    }
    for (const [id, view] of state.batchRows) {
      if (!seen.has(id)) {
        view.root.remove();
        state.batchRows.delete(id);
      }
    }
    const current = Array.from(holder.children);
    if (current.length !== ordered.length || current.some((node, i) => node !== ordered[i])) {
      holder.replaceChildren(...ordered);
    }
    $('no-batches').hidden = batches.length > 0;
  }

  function batchView(id) {
    const view = {
      id,
      key: null,
      status: el('span', { 'data-testid': 'batch-status' }),
      phase: el('span', { class: 'mono' }),
      title: el('span', {}),
      age: el('span', { class: 'muted', 'data-testid': 'batch-age' }),
      stop: null,
      members: el('ul', { class: 'members' }),
    };
    view.head = el('div', { class: 'batch-head' }, view.status, view.phase, view.title, view.age);
    view.root = el('div', { class: 'batch-row', 'data-testid': 'batch-row', 'data-batch-id': id },
      view.head, el('div', { class: 'detail-id' }, id), view.members);
    return view;
  }

  function fillBatch(view, batch) {
    view.status.textContent = batch.buildBatchStatus;
    view.status.className = `status ${batch.buildBatchStatus}`;
    view.phase.textContent = batch.currentPhase;
    view.title.textContent = batch.buildBatchNumber !== undefined
      ? `${batch.projectName} batch #${batch.buildBatchNumber}` : `${batch.projectName} batch`;
    if (batch.startTime) view.age.setAttribute('data-start', batch.startTime);
    view.age.textContent = age(batch.startTime);
    if (!batch.complete && view.stop === null) {
      view.stop = stopButton('stop-batch', 'Stop batch', 'stop-build-batch', batch.id);
      view.head.append(view.stop);
    } else if (batch.complete && view.stop !== null) {
      view.stop.remove();
      view.stop = null;
    }
    if (view.stop !== null) allowStop(view.stop);
    view.members.replaceChildren(...batch.builds.map((member) => {
      const item = el('li', { 'data-testid': 'batch-member', 'data-build-id': member.id },
        el('span', { class: 'mono' }, member.identifier), ' ',
        el('span', { class: `status ${member.buildStatus || ''}` }, member.buildStatus || 'not started'),
        member.currentPhase ? ` ${member.currentPhase}` : '');
      if (member.id) {
        item.classList.add('member-link');
        item.tabIndex = 0;
        item.addEventListener('click', () => {
          state.selectedId = member.id;
          pollNow();
        });
      }
      return item;
    }));
  }

  // ---- events

  function showEvents(answer) {
    const list = $('event-rows');
    if (answer.last < state.lastEvent) {
      // the server was reset: its numbering starts again
      list.replaceChildren();
    }
    for (const event of answer.events) {
      list.prepend(eventRow(event));
    }
    while (list.children.length > MAX_EVENTS_SHOWN) list.lastElementChild.remove();
    state.lastEvent = answer.last;
    $('no-events').hidden = list.children.length > 0;
  }

  function eventRow(event) {
    const detail = event.detail || {};
    const arn = detail['build-id'] || (event.resources || [])[0] || '';
    const slash = arn.indexOf('build/');
    const id = slash < 0 ? arn : arn.slice(slash + 'build/'.length);
    const parts = [event.time, event['detail-type'], id];
    if (detail['build-status']) parts.push(detail['build-status']);
    if (detail['completed-phase']) {
      parts.push(`${detail['completed-phase']} ${detail['completed-phase-status'] || ''}`.trim());
    }
    // a state change names the build's status and the phase it is in, not a move from one to the other
    if (detail['current-phase']) parts.push(`(phase ${detail['current-phase']})`);
    return el('li', { class: 'event-row', 'data-testid': 'event-row' }, parts.join('  '));
  }

  // ---- the clock: ages and the open phase grow between polls

  function tick() {
    for (const node of document.querySelectorAll('[data-start]')) {
      node.textContent = age(node.getAttribute('data-start'));
    }
    const items = Array.from(document.querySelectorAll('[data-testid=phase]'));
    const seconds = items.map((item) => (item.phase ? phaseSeconds(item.phase, item.open) : null));
    const longest = Math.max(1, ...seconds.filter((value) => value !== null));
    items.forEach((item, i) => {
      if (!item.phase) return;
      item.durationNode.textContent = duration(seconds[i]);
      item.fill.style.width = seconds[i] === null ? '0' : `${Math.max(2, (100 * seconds[i]) / longest)}%`;
    });
  }

  // ---- start

  function wire() {
    $('filter-project').addEventListener('change', (event) => {
      state.project = event.target.value;
      state.tokens = [null];
      state.pageIndex = 0;
      pollNow();
    });
    $('filter-status').addEventListener('change', (event) => {
      state.status = event.target.value;
      state.tokens = [null];
      state.pageIndex = 0;
      pollNow();
    });
    $('next-page').addEventListener('click', () => {
      if (state.tokens.length > state.pageIndex + 1) {
        state.pageIndex += 1;
        pollNow();
      }
    });
    $('prev-page').addEventListener('click', () => {
      if (state.pageIndex > 0) {
        state.pageIndex -= 1;
        pollNow();
      }
    });
    setInterval(tick, 1000);
  }

  function start() {
    wire();
    poll();
  }

  start();
})();
