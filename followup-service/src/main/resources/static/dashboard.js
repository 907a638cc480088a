// Ops dashboard: polls /api/insights and renders it. No framework, no build step.
(function () {
  'use strict';
  var SOURCE = '/api/insights';
  var POLL_MS = 5000;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }
  function td(text, cls) { return el('td', cls ? { 'class': cls } : {}, [text == null ? '—' : text]); }
  function words(symbol) { return symbol ? symbol.toLowerCase().replace(/_/g, ' ') : '—'; }
  function time(iso) { return iso ? new Date(iso).toLocaleString() : '—'; }
  function shortId(id) { return id ? id.slice(0, 8) : '—'; }
  function duration(ms) {
    var minutes = Math.max(0, Math.round(ms / 60000));
    if (minutes < 60) { return minutes + ' min'; }
    var hours = Math.floor(minutes / 60);
    if (hours < 48) { return hours + ' h ' + (minutes % 60) + ' min'; }
    return Math.floor(hours / 24) + ' days';
  }
  function fill(tbodyId, rows, columns, emptyText) {
    var body = document.getElementById(tbodyId);
    body.replaceChildren();
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', { 'class': 'empty', colspan: String(columns) }, [emptyText])]));
      return;
    }
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function idCell(id) { var c = td(shortId(id), 'id'); c.title = id; return c; }
  function badge(kind) { return el('span', { 'class': 'badge ' + kind }, [words(kind)]); }
  function tiles(id, items) {
    var box = document.getElementById(id);
    box.replaceChildren();
    items.forEach(function (t) {
      box.appendChild(el('div', { 'class': 'tile' }, [
        el('div', { 'class': 'value' }, [t[1] == null ? '—' : t[1]]), el('div', { 'class': 'label' }, [t[0]])]));
    });
  }
  function bars(id, counts) {
    var box = document.getElementById(id);
    box.replaceChildren();
    var entries = Object.keys(counts || {}).map(function (k) { return [k, counts[k]]; })
      .sort(function (a, b) { return b[1] - a[1]; });
    var max = entries.reduce(function (m, e) { return Math.max(m, e[1]); }, 0);
    if (!entries.length) { box.appendChild(el('div', { 'class': 'hint' }, ['None yet.'])); return; }
    entries.forEach(function (e) {
      var fillBar = el('div', { 'class': 'fill' });
      fillBar.style.width = (max ? Math.round(100 * e[1] / max) : 0) + '%';
      box.appendChild(el('div', { 'class': 'bar' }, [
        el('span', {}, [words(e[0])]), el('div', { 'class': 'track' }, [fillBar]), el('span', { 'class': 'n' }, [e[1]])]));
    });
  }

  function renderEscalations(list, now) {
    var section = document.getElementById('escalations-section');
    section.classList.toggle('clear', list.length === 0);
    document.getElementById('escalation-count').textContent = String(list.length);
    fill('escalations', list.map(function (e) {
      return el('tr', {}, [
        el('td', {}, [badge(e.kind)]), idCell(e.complaintId), td(time(e.dueAt)),
        td(duration(now - new Date(e.dueAt).getTime()), 'overdue'),
        td((e.customerName || 'unknown') + (e.contactChannel ? ' · ' + words(e.contactChannel) : '')),
        td(e.reason)]);
    }), 6, 'No open escalations: every promise is on time and every approval decided.');
  }

  function renderFollowUps(f) {
    tiles('followup-tiles', [['scheduled', f.scheduled], ['awaiting answer', f.awaitingAnswer],
      ['answered', f.answered], ['escalations cleared', f.escalationsCleared], ['called off in time', f.cancelled]]);
    fill('awaiting', f.awaiting.map(function (l) {
      return el('tr', {}, [idCell(l.complaintId), td(l.round), td(time(l.firedAt)), td(l.reason)]);
    }), 4, 'No customer waits to be asked.');
    fill('next-due', f.nextDue.slice(0, 10).map(function (l) {
      return el('tr', {}, [el('td', {}, [badge(l.kind)]), idCell(l.complaintId), td(time(l.dueAt))]);
    }), 3, 'Nothing scheduled.');
  }

  function renderSatisfaction(s, answers) {
    tiles('satisfaction-tiles', [['answers', s.answered],
      ['average score (1–5)', s.averageScore == null ? null : s.averageScore.toFixed(2)],
      ['satisfied', s.shareSatisfied == null ? null : Math.round(100 * s.shareSatisfied) + ' %'],
      ['reopened', s.reopened]]);
    fill('answers', answers.slice(0, 10).map(function (a) {
      return el('tr', {}, [idCell(a.complaintId), td(a.score),
        td(a.reopened ? 'reopened' : (a.satisfied ? 'satisfied' : 'not satisfied')), td(a.comment)]);
    }), 4, 'No answers yet.');
  }

  function renderPrevention(actions) {
    var box = document.getElementById('prevention');
    box.replaceChildren();
    if (!actions.length) {
      box.appendChild(el('p', { 'class': 'hint' }, ['No root cause has recurred often enough to act on.']));
      return;
    }
    actions.forEach(function (a) {
      var e = a.effect;
      var change = e.change == null ? '' : ' (' + (e.change > 0 ? '+' : '') + Math.round(100 * e.change) + ' %)';
      box.appendChild(el('div', { 'class': 'action' }, [
        el('div', { 'class': 'head' }, [el('span', { 'class': 'cause' }, [words(a.rootCause)]),
          el('span', { 'class': 'owner' }, ['owner: ' + a.owner + ' · proposed ' + time(a.proposedAt)])]),
        el('p', {}, [a.proposal]),
        el('div', { 'class': 'examples' }, ['Examples: ' + a.exampleComplaintIds.map(shortId).join(', ')]),
        el('div', { 'class': 'effect' }, [
          el('span', {}, ['Before: ' + e.before + ' in ' + a.windowDays + ' days (' + e.beforePerWeek + '/week)']),
          el('span', {}, ['Since: ' + e.since + ' in ' + e.measuredDays + ' days (' + e.sincePerWeek + '/week)' + change]),
          el('span', { 'class': 'verdict ' + e.verdict }, [words(e.verdict)])])]));
    });
  }

  function render(data) {
    var now = new Date(data.generatedAt).getTime();
    renderEscalations(data.escalations, now);
    renderFollowUps(data.followUps);
    renderSatisfaction(data.satisfaction, data.followUps.recentlyAnswered);
    renderPrevention(data.prevention);
    var c = data.complaints;
    document.getElementById('complaint-count').textContent = c.total + ' seen · ' + c.resolved + ' resolved';
    bars('by-cause', c.byCause); bars('by-anger', c.byAnger);
    bars('by-root-cause', c.byRootCause); bars('by-outcome', c.byOutcome);
    document.getElementById('scope').textContent = data.scope;
  }

  function setStatus(text, error) {
    var status = document.getElementById('status');
    status.textContent = text;
    status.classList.toggle('error', !!error);
  }

  function poll() {
    fetch(SOURCE, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.detail || ('HTTP ' + response.status)); }
          return body;
        });
      })
      .then(function (data) { render(data); setStatus('Updated ' + new Date().toLocaleTimeString()); })
      .catch(function (err) { setStatus('Cannot load insights: ' + err.message, true); })
      .finally(function () { setTimeout(poll, POLL_MS); });
  }
  poll();
}());
