// "Min referanseliste": the entries a visitor picks, kept in this browser
// (localStorage), with an "add/remove" button on entry pages and list items.
// Without JavaScript (or storage) the buttons stay hidden. The list page
// (/referanseliste/) uses window.KildebankMyList.
(function () {
  // One list per site: the key names the site's root, so two sites on one host keep separate lists.
  var script = document.currentScript;
  var root = script ? new URL('..', script.src).pathname : '/';
  var KEY = 'kildebank-referanseliste:' + root;
  var ADD = 'Legg til i referanselisten';
  var REMOVE = 'Fjern fra referanselisten';

  function storage() {
    try {
      var s = window.localStorage;
      s.setItem(KEY + ':test', '1');
      s.removeItem(KEY + ':test');
      return s;
    } catch (e) {
      return null;
    }
  }
  var store = storage();

  /** The keys in the order they were added. */
  function read() {
    if (!store) return [];
    try {
      var keys = JSON.parse(store.getItem(KEY) || '[]');
      return Array.isArray(keys) ? keys.filter(function (k) { return typeof k === 'string'; }) : [];
    } catch (e) {
      return [];
    }
  }
  function write(keys) {
    if (store) store.setItem(KEY, JSON.stringify(keys));
    listeners.forEach(function (f) { f(keys); });
  }
  function has(key) {
    return read().indexOf(key) !== -1;
  }
  function add(key) {
    var keys = read();
    if (keys.indexOf(key) === -1) keys.push(key);
    write(keys);
  }
  function remove(key) {
    write(read().filter(function (k) { return k !== key; }));
  }
  var listeners = [];
  function onChange(f) {
    listeners.push(f);
  }

  function count(n) {
    return n === 1 ? '1 kilde' : n + ' kilder';
  }

  // A live region for what the buttons did, present before the first click so it is announced.
  var status = null;
  function say(text) {
    if (!status) return;
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // The visible text says what the button does; on a list, the name also says which entry (data-mark-title).
  function show(button) {
    var inList = has(button.getAttribute('data-mark'));
    var title = button.getAttribute('data-mark-title');
    button.textContent = inList ? REMOVE : ADD;
    if (title) button.setAttribute('aria-label', button.textContent + ': ' + title);
    button.classList.toggle('in-list', inList);
  }

  function setUp() {
    var buttons = document.querySelectorAll('button[data-mark]');
    if (!store || buttons.length === 0) return;
    status = document.createElement('p');
    status.className = 'mark-status visually-hidden';
    status.setAttribute('role', 'status');
    document.body.appendChild(status);
    buttons.forEach(function (button) {
      show(button);
      button.hidden = false;
      button.addEventListener('click', function () {
        var key = button.getAttribute('data-mark');
        if (has(key)) {
          remove(key);
          say('Fjernet fra referanselisten. Listen har ' + count(read().length) + '.');
        } else {
          add(key);
          say('Lagt til i referanselisten. Listen har ' + count(read().length) + '.');
        }
      });
    });
    onChange(function () { buttons.forEach(show); });
    // Another tab changed the list.
    window.addEventListener('storage', function (e) {
      if (e.key === KEY) buttons.forEach(show);
    });
  }

  window.KildebankMyList = { available: !!store, key: KEY, read: read, write: write, add: add, remove: remove, onChange: onChange, count: count };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
