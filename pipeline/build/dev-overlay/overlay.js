// Only in `npm run dev` (added by .eleventy.js when KILDEBANK_DEV is set, never in `npm run build`): shows the errors
// in the data over every page. pipeline/build/dev.ts writes them after every save to problemer.json next to this
// script; the script asks for it every second. No errors: no overlay. Esc or the button hides it until the errors
// change. It does not take the focus, so the page under it stays usable. When a new build is in place (its time,
// `built`, changed), the page reloads.
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const source = new URL('problemer.json', script ? script.src : location.href);

  /** @typedef {{ errors: { file: string, where: string, message: string }[], built: string, title: string, intro: string, close: string }} DevProblems */

  /** @type {string | null} the build this page came from, as the first answer says */
  let pageBuilt = null;

  /** @type {HTMLElement | null} */
  let overlay = null;
  let shown = '';
  let dismissed = '';

  /** @param {string} tag @param {string} [className] @param {string} [text] */
  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function hide() {
    overlay?.remove();
    overlay = null;
  }

  /** @param {DevProblems} problems */
  function show(problems) {
    hide();
    const box = el('section', 'kb-dev-overlay');
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', 'kb-dev-overlay-title');
    const title = el('h2', 'kb-dev-overlay-title', problems.title);
    title.id = 'kb-dev-overlay-title';
    const close = el('button', 'kb-dev-overlay-close', problems.close);
    close.setAttribute('type', 'button');
    close.addEventListener('click', () => {
      dismissed = shown;
      hide();
    });
    const list = el('ul', 'kb-dev-overlay-list');
    for (const e of problems.errors) {
      const item = el('li');
      item.append(el('strong', '', e.where ? `${e.file}, ${e.where}` : e.file), el('br'), el('span', '', e.message));
      list.append(item);
    }
    box.append(close, title, el('p', '', problems.intro), list);
    document.body.append(box);
    overlay = box;
  }

  async function poll() {
    try {
      const response = await fetch(source, { cache: 'no-store' });
      if (response.ok) {
        const text = await response.text();
        /** @type {DevProblems} */
        const problems = JSON.parse(text);
        if (pageBuilt === null) pageBuilt = problems.built;
        else if (problems.built !== pageBuilt) {
          location.reload();
          return;
        }
        if (problems.errors.length === 0) {
          shown = dismissed = '';
          hide();
        } else if (text !== shown || (!overlay && text !== dismissed)) {
          shown = text;
          if (text !== dismissed) show(problems);
        }
      }
    } catch {
      // The dev server is restarting or stopped: keep what is shown.
    }
    setTimeout(poll, 1000);
  }

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && overlay) {
      dismissed = shown;
      hide();
    }
  });
  void poll();
})();
