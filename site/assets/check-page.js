// The check page (/sjekk/): files chosen or dropped (one or more, or the whole
// data folder) are checked in the browser by the pipeline's own check
// (sjekk.js, bundled by the build from pipeline/link/check-browser.ts), and
// the problems are shown as `npm run check` prints them. Nothing is sent
// anywhere: the files are read with the File API and never leave the page.
(function () {
  var checker = window.KildebankCheck;
  var page = document.querySelector('[data-check]');
  if (!page || !checker) return;
  var noJs = document.querySelector('[data-check-nojs]');
  var drop = page.querySelector('[data-check-drop]');
  var folderInput = page.querySelector('[data-check-folder]');
  var filesInput = page.querySelector('[data-check-files]');
  var summary = page.querySelector('[data-check-summary]');
  var notGiven = page.querySelector('[data-check-not-given]');
  var list = page.querySelector('[data-check-list]');
  var report = page.querySelector('[data-check-report]');
  var reportText = page.querySelector('[data-check-report-text]');

  // Set here rather than in the HTML, where the attribute is not standard.
  folderInput.webkitdirectory = true;
  if (noJs) noJs.hidden = true;
  page.hidden = false;

  var running = 0;

  function readBytes(file) {
    return file.arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  // [{ path: 'data/bibliografi.csv', file: File }] → the folder's name and the files by their path in it.
  function given(items) {
    var paths = items.map(function (i) {
      return i.path.split('/').filter(Boolean);
    });
    var top = paths.length > 0 && paths[0].length > 1 ? paths[0][0] : null;
    var inOneFolder =
      top !== null &&
      paths.every(function (p) {
        return p.length > 1 && p[0] === top;
      });
    return {
      label: inOneFolder ? top : 'data',
      files: items.map(function (item, n) {
        return { name: (inOneFolder ? paths[n].slice(1) : paths[n]).join('/'), file: item.file };
      }),
    };
  }

  function cell(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = text;
    return el;
  }

  function show(result, count) {
    list.textContent = '';
    result.problems.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'check-problem check-' + p.severity;
      li.dataset.file = p.file;
      li.dataset.line = String(p.line);
      li.dataset.column = String(p.column);
      li.dataset.rule = p.rule;
      li.dataset.severity = p.severity;
      var where = document.createElement('p');
      where.className = 'check-where';
      where.appendChild(cell('strong', 'check-severity', p.severityText));
      where.appendChild(document.createTextNode(' '));
      where.appendChild(cell('code', 'check-file', p.file));
      where.appendChild(document.createTextNode(', linje ' + p.line + ', kolonne ' + p.column + ' · regel '));
      where.appendChild(cell('code', 'check-rule', p.rule));
      li.appendChild(where);
      li.appendChild(cell('p', 'check-message', p.message));
      list.appendChild(li);
    });
    list.hidden = result.problems.length === 0;
    var files = count === 1 ? '1 fil' : count + ' filer';
    summary.textContent = 'Sjekket ' + files + ': ' + result.summary + '.';
    var missing = result.notGiven;
    notGiven.hidden = missing.length === 0;
    notGiven.textContent =
      missing.length === 0
        ? ''
        : 'Disse filene var ikke med: ' +
          missing.join(', ') +
          '. Henvisninger til noe i dem blir meldt som ukjente. Velg hele data-mappen for å sjekke henvisningene.';
    reportText.textContent = result.report;
    report.hidden = false;
  }

  function check(items) {
    if (items.length === 0) return;
    var run = ++running;
    summary.textContent = 'Sjekker …';
    var g = given(items);
    Promise.all(
      g.files.map(function (f) {
        return readBytes(f.file).then(function (bytes) {
          return { name: f.name, bytes: bytes };
        });
      }),
    )
      .then(function (files) {
        return checker.check(files, g.label);
      })
      .then(function (result) {
        if (run === running) show(result, items.length);
      })
      .catch(function (e) {
        if (run !== running) return;
        summary.textContent = 'Sjekken stoppet med en feil i siden: ' + (e && e.message ? e.message : String(e));
      });
  }

  function fromInput(input) {
    var items = Array.prototype.map.call(input.files, function (file) {
      return { path: file.webkitRelativePath || file.name, file: file };
    });
    check(items);
  }

  folderInput.addEventListener('change', function () {
    fromInput(folderInput);
  });
  filesInput.addEventListener('change', function () {
    fromInput(filesInput);
  });

  // A dropped folder is read entry by entry (readEntries gives a folder's entries in batches).
  function entriesOf(dir) {
    var reader = dir.createReader();
    var all = [];
    return new Promise(function (resolve, reject) {
      (function next() {
        reader.readEntries(function (batch) {
          if (batch.length === 0) return resolve(all);
          all = all.concat(Array.prototype.slice.call(batch));
          next();
        }, reject);
      })();
    });
  }

  function collect(entry) {
    if (entry.isFile) {
      return new Promise(function (resolve, reject) {
        entry.file(function (file) {
          resolve([{ path: entry.fullPath.replace(/^\//, ''), file: file }]);
        }, reject);
      });
    }
    if (entry.isDirectory) {
      return entriesOf(entry).then(function (children) {
        return Promise.all(children.map(collect)).then(function (lists) {
          return [].concat.apply([], lists);
        });
      });
    }
    return Promise.resolve([]);
  }

  drop.addEventListener('dragover', function (e) {
    e.preventDefault();
    drop.classList.add('check-drop-active');
  });
  drop.addEventListener('dragleave', function () {
    drop.classList.remove('check-drop-active');
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('check-drop-active');
    var dt = e.dataTransfer;
    var entries = Array.prototype.map
      .call(dt.items || [], function (item) {
        return item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
      })
      .filter(Boolean);
    if (entries.length === 0) {
      check(
        Array.prototype.map.call(dt.files, function (file) {
          return { path: file.name, file: file };
        }),
      );
      return;
    }
    Promise.all(entries.map(collect)).then(function (lists) {
      check([].concat.apply([], lists));
    });
  });
})();
