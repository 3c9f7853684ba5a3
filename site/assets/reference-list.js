// The list page (/referanseliste/): the entries picked with "Legg til i
// referanselisten" (kept by my-list.js) as one reference list in the chosen
// style, formatted by citeproc-js with the build's own styles and rules
// (referanseliste.js, bundled by the build), with copy buttons and downloads
// of just those entries. Without JavaScript the page says the list needs it.
(function () {
  var myList = window.KildebankMyList;
  var formatter = window.KildebankReferenceList;
  var page = document.querySelector('[data-list]');
  if (!page || !myList || !formatter) return;
  var noJs = document.querySelector('[data-list-nojs]');
  var empty = page.querySelector('[data-list-empty]');
  var filled = page.querySelector('[data-list-filled]');
  var select = page.querySelector('[data-list-style]');
  var container = page.querySelector('[data-list-references]');
  var status = page.querySelector('[data-list-status]');
  var STYLE_KEY = myList.key + ':stil';

  if (!myList.available) {
    noJs.textContent = 'Nettleseren din lar ikke nettstedet lagre noe, så referanselisten kan ikke brukes her.';
    return;
  }

  var styles = null;
  var buckets = {};
  var current = { entries: [], references: [] };
  var downloads = {};

  function say(text) {
    status.textContent = text;
  }

  function fetchJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }

  function bucket(n) {
    if (!buckets[n]) buckets[n] = fetchJson('kilder/' + n + '.json');
    return buckets[n];
  }

  /** The data of the listed entries, in the order added; entries no longer in the bibliography are left out. */
  function entries(keys) {
    return Promise.all(
      keys.map(function (key) {
        return bucket(formatter.bucketOf(key, styles.buckets)).then(function (data) {
          return Object.prototype.hasOwnProperty.call(data, key) ? { key: key, data: data[key] } : null;
        });
      })
    ).then(function (found) {
      return found.filter(Boolean);
    });
  }

  // citeproc's HTML, kept to the inline markup a reference uses: text, <i>, <b>, <sup>, <sub>, and <span> without attributes.
  var ALLOWED = { I: 'i', B: 'b', EM: 'i', STRONG: 'b', SUP: 'sup', SUB: 'sub', SPAN: 'span' };
  function appendSafe(target, html) {
    var doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    (function copy(from, to) {
      from.childNodes.forEach(function (node) {
        if (node.nodeType === 3) to.appendChild(document.createTextNode(node.nodeValue));
        else if (node.nodeType === 1) {
          var tag = ALLOWED[node.nodeName];
          var el = tag ? document.createElement(tag) : to;
          if (tag) to.appendChild(el);
          copy(node, el);
        }
      });
    })(doc.body, target);
  }

  function setDownloads(list) {
    Object.keys(downloads).forEach(function (k) { URL.revokeObjectURL(downloads[k]); });
    var items = [];
    list.forEach(function (e) { items = items.concat(JSON.parse(e.data.csljson)); });
    var files = {
      bibtex: [list.map(function (e) { return e.data.bibtex; }).join('\n'), 'application/x-bibtex'],
      ris: [list.map(function (e) { return e.data.ris; }).join(''), 'application/x-research-info-systems'],
      csljson: [JSON.stringify(items, null, 2) + '\n', 'application/vnd.citationstyles.csl+json'],
    };
    page.querySelectorAll('[data-list-download]').forEach(function (a) {
      var f = files[a.getAttribute('data-list-download')];
      downloads[a.getAttribute('data-list-download')] = URL.createObjectURL(new Blob([f[0]], { type: f[1] + ';charset=utf-8' }));
      a.href = downloads[a.getAttribute('data-list-download')];
    });
  }

  function render() {
    var list = current.entries;
    var styleId = select.value;
    var byKey = {};
    list.forEach(function (e) { byKey[e.key] = e; });
    var references = formatter.format(
      styles,
      styleId,
      list.map(function (e) { return e.data.csl; })
    );
    current.references = references;
    var numbered = references.some(function (r) { return r.label !== undefined; });
    var ol = document.createElement(numbered ? 'ol' : 'ul');
    ol.className = 'references-list' + (numbered ? ' numbered' : '');
    references.forEach(function (r) {
      var e = byKey[r.id];
      var li = document.createElement('li');
      var p = document.createElement('p');
      p.className = 'list-reference';
      if (r.label !== undefined) {
        var label = document.createElement('span');
        label.className = 'list-label';
        label.textContent = r.label + ' ';
        p.appendChild(label);
      }
      appendSafe(p, r.html);
      li.appendChild(p);
      var actions = document.createElement('p');
      actions.className = 'meta';
      var link = document.createElement('a');
      link.href = e.data.url;
      link.textContent = 'Kildens side';
      link.setAttribute('aria-label', 'Kildens side: ' + e.data.title);
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'copy';
      remove.textContent = 'Fjern';
      remove.setAttribute('aria-label', 'Fjern fra listen: ' + e.data.title);
      remove.addEventListener('click', function () {
        myList.remove(e.key);
        say('Fjernet fra referanselisten: ' + e.data.title + '.');
        select.focus();
      });
      actions.appendChild(link);
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(remove);
      li.appendChild(actions);
      ol.appendChild(li);
    });
    container.textContent = '';
    container.appendChild(ol);
  }

  function load() {
    var keys = myList.read();
    return entries(keys).then(function (list) {
      current.entries = list;
      var missing = keys.length - list.length;
      empty.hidden = list.length > 0;
      filled.hidden = list.length === 0;
      empty.textContent = list.length === 0 ? 'Listen er tom.' : '';
      if (missing > 0) say(myList.count(missing) + ' i listen finnes ikke lenger i bibliografien og er utelatt.');
      if (list.length > 0) {
        render();
        setDownloads(list);
      }
    });
  }

  function plainText() {
    return current.references
      .map(function (r) { return (r.label !== undefined ? r.label + ' ' : '') + r.text; })
      .join('\n');
  }
  function richText() {
    return current.references
      .map(function (r) {
        var p = document.createElement('p');
        if (r.label !== undefined) p.appendChild(document.createTextNode(r.label + ' '));
        appendSafe(p, r.html);
        return p.outerHTML;
      })
      .join('\n');
  }
  function copy(kind) {
    var text = plainText();
    if (kind === 'rich' && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      return navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([richText()], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
    }
    return navigator.clipboard.writeText(text);
  }

  fetchJson('stiler.json').then(
    function (data) {
      styles = data;
      styles.styles.forEach(function (s) {
        var option = document.createElement('option');
        option.value = s.id;
        option.textContent = s.label;
        select.appendChild(option);
      });
      var saved = null;
      try { saved = window.localStorage.getItem(STYLE_KEY); } catch (e) { saved = null; }
      if (saved && styles.styles.some(function (s) { return s.id === saved; })) select.value = saved;
      select.addEventListener('change', function () {
        try { window.localStorage.setItem(STYLE_KEY, select.value); } catch (e) { /* the choice is then not kept */ }
        render();
        say('Referansestil: ' + select.options[select.selectedIndex].text + '.');
      });
      page.querySelectorAll('[data-list-copy]').forEach(function (button) {
        if (!navigator.clipboard) return;
        button.addEventListener('click', function () {
          copy(button.getAttribute('data-list-copy')).then(
            function () { say('Referanselisten er kopiert.'); },
            function () { say('Kunne ikke kopiere. Merk teksten og kopier den selv.'); }
          );
        });
      });
      page.querySelectorAll('[data-list-copy]').forEach(function (button) { button.hidden = !navigator.clipboard; });
      page.querySelector('[data-list-clear]').addEventListener('click', function () {
        myList.write([]);
        say('Referanselisten er tømt.');
      });
      myList.onChange(function () { load(); });
      window.addEventListener('storage', function (e) {
        if (e.key === myList.key) load();
      });
      noJs.hidden = true;
      page.hidden = false;
      return load();
    }
  ).catch(function () {
    noJs.textContent = 'Referanselisten kunne ikke lastes. Prøv å laste siden på nytt.';
  });
})();
