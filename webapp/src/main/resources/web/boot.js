// Loaded first by every page. Failures before the Java side is up (its script did not load, main threw, the content
// security policy blocked something) must show where people and the e2e tests look: #error, and data-state="failed"
// on the page's status element (the one marked data-boot-status; a <pre> also shows the message).
function flowplayBootError(message) {
  var e = document.getElementById('error');
  if (e) {
    e.textContent = message;
    e.setAttribute('data-error', message);
    e.hidden = false;
  }
  var status = document.querySelector('[data-boot-status]');
  if (status) {
    status.setAttribute('data-state', 'failed');
    if (status.tagName === 'PRE') {
      status.textContent = message;
    }
  }
}

// A blocked script or wasm would otherwise only reach the console: a policy that breaks the page must fail loudly.
document.addEventListener('securitypolicyviolation', function (e) {
  flowplayBootError('blocked by the content security policy: ' + e.effectiveDirective + ' ' + (e.blockedURI || '(inline)'));
});
