// "Kopier" buttons for references: copy as rich text (italics kept) and plain
// text. Without JavaScript the buttons stay hidden and the reference can be
// selected as usual.
(function () {
  var status = document.querySelector('.copy-status');
  function say(text) {
    if (status) status.textContent = text;
  }
  function copy(element) {
    var html = element.innerHTML;
    var text = element.textContent.trim();
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      return navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
    }
    return navigator.clipboard.writeText(text);
  }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      copy(target).then(
        function () { say('Referansen er kopiert.'); },
        function () { say('Kunne ikke kopiere. Merk teksten og kopier den selv.'); }
      );
    });
  });
})();
