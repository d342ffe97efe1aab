// One-line embed for a collectivité's own site:
//   <script src="https://BOT_HOST/widget.js" defer></script>
// Adds a button that opens the chat in an iframe served by the bot itself (no third party).
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var label = script.getAttribute('data-label') || 'Où faire ma démarche ?';

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'orientation-chat');
  button.style.cssText =
    'position:fixed;right:1rem;bottom:1rem;z-index:2147483000;padding:.75rem 1rem;' +
    'font:700 1rem/1.2 system-ui,sans-serif;color:#fff;background:#1a4b8c;border:2px solid #fff;border-radius:.5rem;' +
    'box-shadow:0 0 0 2px #1a4b8c;cursor:pointer';

  var frame = document.createElement('iframe');
  frame.id = 'orientation-chat';
  frame.title = 'Assistant d’orientation : à qui s’adresser pour vos démarches';
  frame.src = origin + '/';
  frame.hidden = true;
  frame.style.cssText =
    'position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(28rem,calc(100vw - 2rem));' +
    'height:min(40rem,calc(100vh - 6rem));border:1px solid #6b6b6b;border-radius:.5rem;background:#fff';

  button.addEventListener('click', function () {
    var open = frame.hidden;
    frame.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Fermer l’assistant' : label;
    if (open) frame.focus();
  });

  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
