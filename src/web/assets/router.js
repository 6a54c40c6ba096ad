// Navigation inside the page, kept apart from app.js so that views can navigate without
// importing the app that imports them.

let draw = async () => {};

/** Set by app.js: draws the view the current URL names. */
export function setRenderer(render) {
  draw = render;
}

/** Follow a link inside the page without reloading it. */
export function navigate(href, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  return draw();
}
