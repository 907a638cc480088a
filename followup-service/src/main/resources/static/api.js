// Calls to /api/**: every call carries the viewer key as a bearer credential once one is known. A 401 asks for the
// key once (a small form) and keeps it in sessionStorage, so it lives as long as the tab. Without access control in
// front of the service, calls simply succeed without a key.
const KEY = 'makeitright.viewerKey';
let asking = null;

function headers(extra) {
  const h = new Headers(extra || {});
  const key = sessionStorage.getItem(KEY);
  if (key) {
    h.set('Authorization', 'Bearer ' + key);
  }
  return h;
}

function askForKey(message) {
  if (!asking) {
    asking = new Promise((resolve) => {
      const dialog = document.getElementById('key-dialog');
      const form = document.getElementById('key-form');
      const input = document.getElementById('key-input');
      document.getElementById('key-error').textContent = message || '';
      form.addEventListener('submit', function once(event) {
        event.preventDefault();
        form.removeEventListener('submit', once);
        sessionStorage.setItem(KEY, input.value.trim());
        input.value = '';
        dialog.close();
        asking = null;
        resolve();
      });
      dialog.showModal();
      input.focus();
    });
  }
  return asking;
}

/** fetch() with the bearer; on 401 asks for a key (again, if the one kept was refused) and retries. */
export async function call(path, init) {
  for (;;) {
    const response = await fetch(path, Object.assign({}, init, { headers: headers(init && init.headers) }));
    if (response.status !== 401) {
      return response;
    }
    const hadKey = sessionStorage.getItem(KEY) !== null;
    sessionStorage.removeItem(KEY);
    await askForKey(hadKey ? 'That key was refused. Try another one.' : '');
  }
}

export async function json(path) {
  const response = await call(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error(path + ' answered ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/**
 * Reads the Server-Sent-Events stream with fetch() and a stream reader (EventSource cannot send a bearer), and
 * reconnects by itself, waiting 1 s, then up to 5 s, whenever the stream ends or fails (a restart, a deploy).
 */
export async function follow(path, onEvent, onState) {
  let wait = 1000;
  for (;;) {
    try {
      const response = await call(path, { headers: { Accept: 'text/event-stream' }, cache: 'no-store' });
      if (!response.ok || !response.body) {
        throw new Error(path + ' answered ' + response.status);
      }
      onState('live');
      wait = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) {
              name = line.slice(6).trim();
            } else if (line.startsWith('data:')) {
              data.push(line.slice(5).replace(/^ /, ''));
            }
          }
          if (data.length) {
            onEvent(name, data.join('\n'));
          }
        }
      }
    } catch (error) {
      // fall through to reconnect
    }
    onState('down');
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(5000, wait * 2);
  }
}
