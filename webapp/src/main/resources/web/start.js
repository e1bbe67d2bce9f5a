// Loaded last by every page, after the page's TeaVM script: starts its main(), or says why it cannot (see boot.js).
(function () {
  if (typeof main !== 'function') {
    flowplayBootError('could not load the page script');
    return;
  }
  try {
    main([]);
  } catch (e) {
    flowplayBootError('start-up failed: ' + (e && e.message ? e.message : e));
  }
})();
