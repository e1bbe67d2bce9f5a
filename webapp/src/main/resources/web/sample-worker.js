// The comparison strip's sampling worker: the TeaVM-compiled flowplay.web.worker.SampleWorker, started.
importScripts('sample-worker-main.js');
main([]);
