// The page's two dialogs: signing in with the write token, and confirming a change.
// Both are <dialog> elements shown modally: focus stays inside, Escape cancels.
import { token } from './api.js';
import { html, show } from './dom.js';

/** Show a modal dialog built from `content`; resolves with the value of the button that closed it ('' for Escape). */
function ask(content, labelId, setup = () => {}) {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', labelId);
  show(dialog, content);
  document.body.append(dialog);
  setup(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue);
      dialog.remove();
    });
    dialog.showModal();
  });
}

/** Ask for the write token; true when one was given (and kept in this tab), false when cancelled. */
export async function signIn(reason = '') {
  let given = '';
  const answer = await ask(
    html`<form method="dialog" class="stack">
      <h2 id="sign-in-title">Sign in to make changes</h2>
      ${reason ? html`<p class="error" role="alert">${reason}</p>` : ''}
      <p class="muted small">
        The write token is the <code>MINUTES_TOKEN</code> the server was started with. It is kept in this browser tab
        only, until you sign out or close the tab.
      </p>
      <label>Write token <input name="token" type="password" autocomplete="current-password" required /></label>
      <div class="buttons">
        <button value="sign-in">Sign in</button> <button value="" formnovalidate class="quiet">Cancel</button>
      </div>
    </form>`,
    'sign-in-title',
    (dialog) => {
      const form = dialog.querySelector('form');
      form.addEventListener('submit', (event) => {
        if (event.submitter?.value === 'sign-in') given = form.elements.token.value.trim();
      });
    },
  );
  if (answer !== 'sign-in' || !given) return false;
  token.set(given);
  return true;
}

/** Forget the token: the page no longer writes until someone signs in again. */
export function signOut() {
  token.forget();
}

/** A signed-in session, asking for the token first when there is none. */
export async function ensureSignedIn() {
  return Boolean(token.get()) || signIn();
}

/** Ask before a change: `what` says what will happen; resolves true only for the action's own button. */
export async function confirmChange(title, what, action) {
  const answer = await ask(
    html`<form method="dialog" class="stack">
      <h2 id="confirm-title">${title}</h2>
      <p>${what}</p>
      <div class="buttons">
        <button value="yes">${action}</button> <button value="" class="quiet" autofocus>Cancel</button>
      </div>
    </form>`,
    'confirm-title',
  );
  return answer === 'yes';
}
