// The operations dashboard: reads /api/dashboard/** and redraws whenever the SSE stream says the read model changed.
import { follow, json } from './api.js';
import { badge, complaintLink, countdown, el, money, seconds, shortId, table, time, words } from './dom.js';
import { lineChart } from './charts.js';

const CAUSES = ['OUR_ERROR', 'MISUNDERSTANDING', 'MISPLACED_HOSTILITY', 'UNREASONABLE', 'SUSPECTED_ABUSE'];
const ANGERS = ['CALM', 'UPSET', 'ANGRY', 'HOSTILE'];
const PRIORITY_RANK = { P1_URGENT: 1, P2_HIGH: 2, P3_NORMAL: 3, P4_LOW: 4 };
const $ = (id) => document.getElementById(id);

let skew = 0; // server clock minus this browser's clock, so countdowns follow the server
let nearMs = 15 * 60000;
const serverNow = () => Date.now() + skew;

// ------------------------------------------------------------------------------------------------ deadlines
function deadlineCell(cell, deadline) {
  cell.classList.add('deadline');
  if (deadline) {
    cell.dataset.deadline = String(deadline);
  }
  tickCell(cell);
}

function tickCell(cell) {
  const deadline = Number(cell.dataset.deadline || 0);
  if (!deadline) {
    return;
  }
  const left = deadline - serverNow();
  cell.textContent = countdown(deadline, serverNow());
  cell.classList.toggle('past', left < 0);
  cell.classList.toggle('near', left >= 0 && left <= nearMs);
  cell.dataset.state = left < 0 ? 'past' : left <= nearMs ? 'near' : 'ok';
}

setInterval(() => document.querySelectorAll('.deadline[data-deadline]').forEach(tickCell), 1000);

// ------------------------------------------------------------------------------------------------ tables
const queue = table($('queue'), [
  { key: 'priority', label: 'Priority', value: (r) => PRIORITY_RANK[r.priority] ?? 9, cell: (r) => badge(r.priority) },
  { key: 'id', label: 'Complaint', value: (r) => r.complaintId, cell: (r) => complaintLink(r.complaintId) },
  { key: 'subject', label: 'Subject', value: (r) => r.subject },
  { key: 'stage', label: 'Stage', value: (r) => r.stage, cell: (r) => words(r.stage) },
  { key: 'cause', label: 'Cause', value: (r) => r.cause, cell: (r) => badge(r.cause) },
  { key: 'anger', label: 'Anger', value: (r) => ANGERS.indexOf(r.anger), cell: (r) => badge(r.anger) },
  { key: 'advice', label: 'First advice', value: (r) => r.advice },
  { key: 'flags', label: 'Flags', value: (r) => (r.reviewNeeded ? 2 : 0) + (r.repeat ? 1 : 0) + (r.contacts > 1 ? 4 : 0),
    cell: (r) => [r.contacts > 1 ? 'wrote ' + r.contacts + ' times' : null, r.reviewNeeded ? 'review needed' : null,
      r.repeat ? 'repeat customer' : null].filter(Boolean).join(', ') || '—' },
  { key: 'deadline', label: 'Acknowledge by', value: (r) => r.acknowledgeBy, cell: () => '—',
    decorate: (cell, r) => deadlineCell(cell, r.acknowledgeBy) },
], (r) => r.complaintId);

const offers = table($('offers'), [
  { key: 'id', label: 'Complaint', value: (r) => r.complaintId, cell: (r) => complaintLink(r.complaintId) },
  { key: 'subject', label: 'Subject', value: (r) => r.subject },
  { key: 'waiting', label: 'Waiting on', value: (r) => r.waitingOn },
  { key: 'kind', label: 'Remedy', value: (r) => r.kind, cell: (r) => words(r.kind) },
  { key: 'cost', label: 'Est. cost', num: true, value: (r) => money(r.estimatedCost && r.estimatedCost.amount),
    cell: (r) => (r.estimatedCost ? r.estimatedCost.amount + ' ' + r.estimatedCost.currency : '—') },
  { key: 'deadline', label: 'Deadline', value: (r) => r.deadline, cell: () => '—',
    decorate: (cell, r) => deadlineCell(cell, r.deadline) },
], (r) => r.complaintId);

const promises = table($('promises'), [
  { key: 'id', label: 'Complaint', value: (r) => r.complaintId, cell: (r) => complaintLink(r.complaintId) },
  { key: 'subject', label: 'Subject', value: (r) => r.subject },
  { key: 'kind', label: 'Remedy', value: (r) => r.kind, cell: (r) => words(r.kind) },
  { key: 'deadline', label: 'Deliver by', value: (r) => r.deliverBy, cell: () => '—',
    decorate: (cell, r) => deadlineCell(cell, r.deliverBy) },
], (r) => r.complaintId);

const followUps = table($('follow-ups'), [
  { key: 'id', label: 'Complaint', value: (r) => r.complaintId, cell: (r) => complaintLink(r.complaintId) },
  { key: 'subject', label: 'Subject', value: (r) => r.subject },
  { key: 'kind', label: 'Kind', value: (r) => r.kind, cell: (r) => words(r.kind) },
  { key: 'reason', label: 'Reason', value: (r) => r.reason },
  { key: 'due', label: 'Due', value: (r) => r.dueAt, cell: (r) => time(r.dueAt) },
], (r) => r.complaintId + r.kind);

const latency = table($('latency'), [
  { key: 'stage', label: 'Stage', value: (r) => r.stage },
  { key: 'h50', label: 'p50 hour', num: true, value: (r) => seconds(r.hourP50Ms) },
  { key: 'h95', label: 'p95 hour', num: true, value: (r) => seconds(r.hourP95Ms) },
  { key: 'hn', label: 'n hour', num: true, value: (r) => r.hourCount },
  { key: 'd50', label: 'p50 day', num: true, value: (r) => seconds(r.dayP50Ms) },
  { key: 'd95', label: 'p95 day', num: true, value: (r) => seconds(r.dayP95Ms) },
  { key: 'dn', label: 'n day', num: true, value: (r) => r.dayCount },
]);

const deadLetters = table($('dead-letters'), [
  { key: 'topic', label: 'Topic', value: (r) => r.topic },
  { key: 'count', label: 'Dead letters', num: true, value: (r) => r.count },
]);

const consumerLag = table($('consumer-lag'), [
  { key: 'group', label: 'Consumer group', value: (r) => r.group },
  { key: 'lag', label: 'Records behind', num: true, value: (r) => r.lag },
]);

const moneyTable = table($('money'), [
  { key: 'period', label: 'Period', value: (r) => ['today', 'week', 'month'].indexOf(r.period), cell: (r) => r.period },
  { key: 'kind', label: 'Remedy', value: (r) => r.kind, cell: (r) => words(r.kind) },
  { key: 'cause', label: 'Cause', value: (r) => r.cause, cell: (r) => words(r.cause) },
  { key: 'currency', label: 'Currency', value: (r) => r.currency },
  { key: 'count', label: 'Remedies', num: true, value: (r) => r.count },
  { key: 'cost', label: 'Cost', num: true, value: (r) => money(r.cost) },
  { key: 'inaction', label: 'Cost of inaction (est.)', num: true, value: (r) => money(r.costOfInaction) },
]);

const rootCauses = table($('root-causes'), [
  { key: 'root', label: 'Root cause', value: (r) => r.rootCause, cell: (r) => words(r.rootCause) },
  { key: 'count', label: 'Resolved', num: true, value: (r) => r.resolvedLast30Days },
  { key: 'action', label: 'Action', value: (r) => r.preventionActionId, cell: (r) => (r.preventionActionId ? 'proposed' : '—') },
]);

const actions = table($('actions'), [
  { key: 'root', label: 'Root cause', value: (r) => r.rootCause, cell: (r) => words(r.rootCause) },
  { key: 'owner', label: 'Owner', value: (r) => r.owner },
  { key: 'proposal', label: 'Proposal', value: (r) => r.proposal },
  { key: 'evidence', label: 'Evidence', value: (r) => r.occurrences,
    cell: (r) => el('span', {}, [r.occurrences + ' in ' + r.windowDays + ' days: ',
      ...r.exampleComplaintIds.flatMap((id, i) => [i ? ', ' : '', complaintLink(id)])]) },
  { key: 'effect', label: 'Effect', value: (r) => (r.effect ? r.effect.verdict : null),
    cell: (r) => (r.effect ? words(r.effect.verdict) + (r.effect.change === null ? '' : ' (' + Math.round(r.effect.change * 100) + ' %)') : '—') },
  { key: 'proposed', label: 'Proposed', value: (r) => r.proposedAt, cell: (r) => time(r.proposedAt) },
]);

const receivedChart = lineChart($('received-chart'), ['received'], 'per minute');
const causeChart = lineChart($('cause-chart'), CAUSES, 'per hour');
const angerChart = lineChart($('anger-chart'), ANGERS, 'per hour');

// ------------------------------------------------------------------------------------------------ board
function tile(key, label, value, alert) {
  return el('div', { class: 'tile' + (alert && value > 0 ? ' alert' : ''), 'data-counter': key }, [
    el('div', { class: 'value' }, [value]), el('div', { class: 'label' }, [label])]);
}

function renderOverview(o, effects) {
  skew = o.now - Date.now();
  nearMs = o.acknowledgementNearMs;
  const c = o.counters;
  $('counters').replaceChildren(
    tile('open', 'open complaints', c.open),
    tile('overdue', 'acknowledgement overdue', c.acknowledgementOverdue, true),
    tile('review', 'review needed', c.reviewNeeded),
    tile('hostile', 'hostile', c.hostile, true),
    tile('abuse', 'suspected abuse', c.suspectedAbuse, true),
    tile('received-today', 'received today', c.receivedToday),
    tile('resolved-today', 'resolved today', c.resolvedToday),
    tile('offers', 'offers awaiting', c.offersAwaiting),
    tile('promises', 'promises open', c.promisesOpen),
    tile('follow-ups', 'follow-ups due', c.followUpsDue),
    tile('mails-refused', 'mails refused today', c.mailsRefusedToday, true),
    tile('dead-letters', 'dead letters', c.deadLetters, true));
  offers.update(o.offersAwaiting);
  promises.update(o.promises);
  followUps.update(o.followUpsDue);
  latency.update(o.flow.latencies);
  deadLetters.update(Object.entries(o.flow.deadLetters).map(([topic, count]) => ({ topic, count })));
  consumerLag.update(Object.entries(o.flow.consumerLag).map(([group, lag]) => ({ group, lag })));
  receivedChart.update(o.flow.minutes, [o.flow.receivedPerMinute]);
  causeChart.update(o.mix.hours, CAUSES.map((k) => o.mix.causes[k]));
  angerChart.update(o.mix.hours, ANGERS.map((k) => o.mix.angers[k]));
  moneyTable.update(o.money.rows);
  const totals = {};
  for (const r of o.money.rows) {
    const key = r.period + ' ' + r.currency;
    totals[key] = totals[key] || { cost: 0, inaction: 0 };
    totals[key].cost += Number(r.cost);
    totals[key].inaction += Number(r.costOfInaction || 0);
  }
  $('money-totals').replaceChildren(...Object.entries(totals).map(([k, t]) => el('div', { class: 'tile' }, [
    el('div', { class: 'value' }, [t.cost.toFixed(2)]),
    el('div', { class: 'label' }, [k + ' cost; inaction est. ' + t.inaction.toFixed(2)])])));
  rootCauses.update(o.fixItTwice.topRootCauses);
  actions.update(o.fixItTwice.actions.map((a) => Object.assign({ effect: effects[a.actionId] || null }, a)));
  $('bounds').replaceChildren('What this page keeps: ',
    ...Object.entries(o.bounds).map(([k, v]) => k + ': ' + v + '. '));
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const field of $('filters').elements) {
    if (field.type === 'checkbox' ? field.checked : field.value) {
      params.set(field.name, field.value);
    }
  }
  return params.toString();
}

async function prevention() {
  // the measured effect of each action: /api/insights reads followup's prevention store (every instance's)
  try {
    const insights = await json('/api/insights');
    return Object.fromEntries((insights.prevention || []).map((p) => [p.actionId, p.effect]));
  } catch (error) {
    return {};
  }
}

let effects = {};
let effectsAt = 0;

async function refreshBoard() {
  if (Date.now() - effectsAt > 30000) {
    effectsAt = Date.now();
    effects = await prevention();
  }
  const [overview, q] = await Promise.all([json('/api/dashboard/overview'), json('/api/dashboard/queue?' + filterQuery())]);
  renderOverview(overview, effects);
  $('queue-count').textContent = q.total + ' open' + (q.total > q.rows.length ? ', the first ' + q.rows.length + ' shown' : '');
  queue.update(q.rows);
}

// ------------------------------------------------------------------------------------------------ a complaint
function section(title, ...children) {
  return el('section', { class: 'panel' }, [el('h3', {}, [title]), ...children]);
}

function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.flatMap(([k, v]) => [el('dt', {}, [k]), el('dd', {}, [v === null || v === undefined ? '—' : v])]));
}

function amount(a) {
  return a ? a.amount + ' ' + a.currency : '—';
}

function simpleTable(headers, rows) {
  return el('table', {}, [el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, [h])))]),
    el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, r.map((v) => el('td', {}, [v === null || v === undefined ? '—' : v]))))
      : [el('tr', {}, [el('td', { class: 'empty', colspan: headers.length }, ['None.'])])])]);
}

function renderComplaint(c) {
  $('complaint-title').replaceChildren('Complaint ', el('code', {}, [c.complaintId]), ' — ', c.subject || '(no subject yet)');
  const deadline = el('span');
  deadlineCell(deadline, c.acknowledgeBy);
  $('complaint-body').replaceChildren(
    section('Summary', facts([
      ['Stage', words(c.stage)], ['Round', c.round], ['Priority', badge(c.priority)], ['Acknowledge by', deadline],
      ['Received', time(c.receivedAt)], ['Channel', words(c.channel)], ['Customer', c.customerId],
      ['Tier', words(c.tier)], ['Complaints in 12 months', c.complaintsLast12Months],
      ['Do not serve', c.doNotServe ? 'yes' : 'no']]),
    el('h4', {}, ['What the customer wrote']), el('p', { class: 'text', id: 'complaint-description' }, [c.description])),
    section('What triage saw', facts([
      ['Cause', el('span', {}, [badge(c.cause), ' confidence ', c.causeConfidence === undefined ? '—' : c.causeConfidence.toFixed(2)])],
      ['Anger', el('span', {}, [badge(c.anger), ' confidence ', c.angerConfidence === undefined ? '—' : c.angerConfidence.toFixed(2)])],
      ['Suspected root cause', words(c.suspectedRootCause)],
      ['Review needed', c.reviewNeeded ? 'yes: ' + c.reviewReasons.join('; ') : 'no']]),
    el('h4', {}, ['Signals']),
    el('div', { id: 'signals' }, [simpleTable(['Signal', 'Evidence (quoted)', 'Weight', 'Indicates'],
      c.signals.map((s) => [s.signal, el('q', {}, [s.evidence]), s.weight.toFixed(2), s.indicates]))]),
    el('h4', {}, ['Handling advice']),
    el('ol', {}, c.handlingAdvice.map((a) => el('li', {}, [el('strong', {}, [words(a.code)]), ': ', a.text])))),
    section('Drafted acknowledgement', el('p', { class: 'text' }, [c.acknowledgementText || '—'])),
    section('Offers', ...(c.offers.length ? c.offers.map((o) => el('div', { class: 'offer', 'data-offer': o.offerId }, [
      el('h4', {}, [words(o.kind) + ' — ' + words(o.status)]),
      facts([['Description', o.description], ['Amount', amount(o.amount)], ['Estimated cost', amount(o.estimatedCost)],
        ['Cost of inaction (est.)', amount(o.costOfInaction)], ['Authority', words(o.authorityLevel)],
        ['Open question', o.openQuestion], ['Expires', time(o.expiresAt)], ['Deliver by', time(o.deliverBy)],
        ['Approved by', o.approvedBy]]),
      el('h5', {}, ['Reasoning']), el('p', { class: 'reasoning' }, [o.summary]),
      simpleTable(['Factor', 'Value', 'Effect'], o.factors.map((f) => [f.name, f.value, f.effect]))]))
      : [el('p', { class: 'hint' }, ['No offer yet.'])])),
    section('Answers', simpleTable(['When', 'From', 'Decision', 'Offer', 'Note'],
      c.answers.map((a) => [time(a.at), a.by, words(a.decision), shortId(a.offerId), a.note]))),
    section('Fulfillment and resolution', facts([
      ['Fulfilled', c.fulfillment ? words(c.fulfillment.kind) + ' by ' + c.fulfillment.fulfilledBy + ', ' + time(c.fulfillment.at)
        + ' (ref. ' + c.fulfillment.reference + ')' : '—'],
      ['Actual cost', c.fulfillment ? amount(c.fulfillment.actualCost) : '—'],
      ['Resolved', c.resolution ? words(c.resolution.outcome) + ', ' + time(c.resolution.at) : '—'],
      ['Cost', c.resolution ? amount(c.resolution.cost) : '—'],
      ['Root cause', c.resolution ? words(c.resolution.rootCause) : '—']])),
    section('Follow-ups', simpleTable(['Kind', 'Due', 'Reason', 'Open', 'Answer'],
      c.followUps.map((f) => [words(f.kind), time(f.dueAt), f.reason, f.open ? 'yes' : 'no',
        f.satisfied === null ? '—' : (f.satisfied ? 'satisfied' : 'not satisfied') + ', score ' + f.score
          + (f.comment ? ': ' + f.comment : '')]))),
    section('Prevention', c.prevention ? facts([['Root cause', words(c.prevention.rootCause)],
      ['Proposal', c.prevention.proposal], ['Owner', c.prevention.owner],
      ['Evidence', c.prevention.occurrences + ' in ' + c.prevention.windowDays + ' days']])
      : el('p', { class: 'hint' }, ['No prevention action for its root cause.'])),
    section('Timeline', el('div', { id: 'timeline' }, [simpleTable(['When', 'Event', 'By', 'What'],
      c.timeline.map((t) => [time(t.at), t.event, t.by, t.summary]))])));
}

let complaintShown = null;

async function refreshComplaint(id) {
  try {
    const complaint = await json('/api/dashboard/complaints/' + encodeURIComponent(id));
    const text = JSON.stringify(complaint);
    if (text !== complaintShown) { // any change anywhere pushes: redraw only when this complaint changed
      complaintShown = text;
      renderComplaint(complaint);
    }
  } catch (error) {
    complaintShown = null;
    $('complaint-title').textContent = 'Complaint ' + id;
    $('complaint-body').replaceChildren(el('p', { class: 'error' }, [error.status === 404
      ? 'Not on the dashboard: unknown, or closed a while ago.' : String(error.message)]));
  }
}

// ------------------------------------------------------------------------------------------------ routing, updates
function route() {
  const match = location.hash.match(/^#\/complaints\/(.+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

let running = false;
let again = false;

async function refresh() {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      const id = route();
      $('board').hidden = id !== null;
      $('complaint').hidden = id === null;
      await (id === null ? refreshBoard() : refreshComplaint(id));
    } while (again);
  } catch (error) {
    setStatus('down', 'Could not read the data: ' + error.message);
  } finally {
    running = false;
  }
}

function setStatus(state, text) {
  const status = $('status');
  status.className = 'status ' + state;
  status.dataset.state = state;
  status.textContent = text;
}

window.addEventListener('hashchange', () => {
  refresh();
  if (route()) {
    $('complaint-title').focus();
  }
});
$('complaint-title').tabIndex = -1;
$('filters').addEventListener('change', refresh);
follow('/api/dashboard/events', (name) => {
  if (name === 'changed') {
    refresh();
  }
}, (state) => {
  setStatus(state, state === 'live' ? 'Live' : 'Reconnecting…');
  if (state === 'live') {
    refresh();
  }
});
