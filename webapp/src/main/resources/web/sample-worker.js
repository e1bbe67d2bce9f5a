// The comparison strip's sampling worker: flowplay.web.worker.SampleWorker, compiled twice by TeaVM. WasmGC runs the
// MLP about twice as fast as the JavaScript build and rounds floats as the JVM does; the JavaScript build is the
// fallback where the browser cannot load it. SampleWorker reports which one started in its ready message.
function startJs(why) {
  self.flowplayWorkerEngine = 'js';
  self.flowplayWorkerNote = why;
  importScripts('sample-worker-main.js');
  main([]);
}
try {
  importScripts('sample-worker.wasm-runtime.js');
} catch (e) {
  // the JavaScript build below still works without the runtime
}
if (/[?&]engine=js(&|$)/.test(self.location.search)) {
  startJs('the page asked for it (?worker=js)');
} else if (typeof WebAssembly !== 'object' || !self.TeaVM || !TeaVM.wasmGC) {
  startJs(typeof WebAssembly !== 'object' ? 'no WebAssembly' : 'the WasmGC runtime did not load');
} else {
  TeaVM.wasmGC.load('sample-worker.wasm').then(function (teavm) {
    self.flowplayWorkerEngine = 'wasm-gc';
    try {
      teavm.exports.main([]);
    } catch (e) {
      startJs('the WasmGC build failed to start: ' + describe(e));
    }
  }, function (e) {
    startJs('WasmGC did not load: ' + describe(e));
  }).catch(function (e) {
    // Past this point nothing would tell the page, and it would wait for this worker for ever.
    self.postMessage({id: -1, error: 'the worker did not start: ' + describe(e)});
  });
}

function describe(e) {
  return String(e && e.message ? e.message : e);
}
