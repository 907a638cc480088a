// DOM helpers. Every piece of data goes in as text (createTextNode / textContent), never as markup, so complaint
// text such as a subject "<img src=x onerror=alert(1)>" shows as the characters it is.
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const child of children || []) {
    if (child === null || child === undefined) {
      continue;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const words = (symbol) => (symbol ? String(symbol).toLowerCase().replace(/_/g, ' ') : '—');
export const time = (ms) => (ms ? new Date(ms).toLocaleString() : '—');
export const shortId = (id) => (id ? String(id).slice(0, 8) : '—');
export const badge = (symbol) => (symbol ? el('span', { class: 'badge ' + symbol }, [words(symbol)]) : '—');
export const seconds = (ms) => (ms === null || ms === undefined || ms < 0 ? null : Math.round(ms / 100) / 10);
export const money = (amount) => (amount === null || amount === undefined ? null : Number(amount));
export const complaintLink = (id, text) => el('a', { href: '#/complaints/' + encodeURIComponent(id), title: id },
  [text === undefined ? shortId(id) : text]);

/** "in 4 min 10 s" / "overdue 12 s": a countdown that says in words what its colour says. */
export function countdown(deadline, now) {
  if (!deadline) {
    return '—';
  }
  const left = deadline - now;
  const abs = Math.abs(left);
  const h = Math.floor(abs / 3600000);
  const m = Math.floor((abs % 3600000) / 60000);
  const s = Math.floor((abs % 60000) / 1000);
  const text = (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + s + ' s';
  return left >= 0 ? 'in ' + text : 'overdue ' + text;
}

/**
 * A table whose columns sort (click or Enter/Space on a header; aria-sort says how it is sorted). Columns:
 * {key, label, value: row => number|string (sort key), cell: row => Node|text, num: true for right-aligned numbers}.
 */
export function table(tableEl, columns, rowKey) {
  let sortBy = null;
  let descending = false;
  let rows = [];
  let shown = null;
  const head = el('thead', {}, [el('tr', {}, columns.map((c) => {
    const th = el('th', { scope: 'col', class: c.num ? 'num' : null, 'data-key': c.key }, [
      el('button', { type: 'button' }, [c.label])]);
    th.firstChild.addEventListener('click', () => {
      descending = sortBy === c.key ? !descending : false;
      sortBy = c.key;
      render();
    });
    return th;
  }))]);
  const body = el('tbody');
  tableEl.replaceChildren(head, body);

  function render() {
    const column = columns.find((c) => c.key === sortBy);
    const sorted = column ? rows.slice().sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1
        : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return descending ? -order : order;
    }) : rows;
    for (const th of head.querySelectorAll('th')) {
      th.setAttribute('aria-sort', th.dataset.key === sortBy ? (descending ? 'descending' : 'ascending') : 'none');
    }
    if (!sorted.length) {
      body.replaceChildren(el('tr', {}, [el('td', { class: 'empty', colspan: columns.length }, ['None.'])]));
      return;
    }
    body.replaceChildren(...sorted.map((row) => el('tr', rowKey ? { 'data-id': rowKey(row) } : {},
      columns.map((c) => {
        const content = c.cell ? c.cell(row) : c.value(row);
        const cell = el('td', { class: c.num ? 'num' : null }, [content === null || content === undefined ? '—' : content]);
        if (c.decorate) {
          c.decorate(cell, row);
        }
        return cell;
      }))));
  }

  return {
    update(newRows) {
      // redrawn only when the rows changed, so a keyboard user's focus and a reader's place survive other updates
      const json = JSON.stringify(newRows || []);
      if (json === shown) {
        return;
      }
      shown = json;
      rows = newRows || [];
      render();
    },
    refresh: render,
  };
}
