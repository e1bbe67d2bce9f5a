// TensorFlow.js runs for bench.html: the same MLP (weights from Java), the same noise and Euler grid as the TeaVM
// sampler. TF.js itself is not part of Flowplay: it is loaded from `base` (vendor/tfjs/, filled by
// bench/browser/fetch-tfjs) only when it is there; otherwise the engine reports "not installed".
(function () {
  'use strict';
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // Resolves true when TF.js and both backends are loaded, false when TF.js is not installed at `base`.
  function load(base) {
    if (!loading) {
      loading = fetch(base + 'tf.min.js', { method: 'HEAD', cache: 'no-store' }).then(function (r) {
        if (!r.ok) { return false; }
        return loadScript(base + 'tf.min.js')
          .then(function () { return loadScript(base + 'tf-backend-wasm.min.js'); })
          .then(function () { return loadScript(base + 'tf-backend-webgpu.min.js'); })
          .then(function () { tf.wasm.setWasmPaths(base); return true; });
      }, function () { return false; });
    }
    return loading;
  }

  function note(backend) {
    var n = 'TF.js ' + tf.version.tfjs + ' ' + backend;
    if (backend === 'wasm') {
      var threads = tf.wasm.getThreadsCount ? tf.wasm.getThreadsCount() : '?';
      return tf.env().getAsync('WASM_HAS_SIMD_SUPPORT').then(function (simd) {
        return n + (simd ? ' SIMD' : ' no SIMD') + ', ' + threads + ' thread' + (threads === 1 ? '' : 's')
          + (self.crossOriginIsolated ? '' : ' (page not cross-origin isolated)');
      });
    }
    return Promise.resolve(n);
  }

  async function runBackend(backend, spec) {
    var ok = await tf.setBackend(backend);
    if (!ok) { throw { unavailable: 'TF.js backend ' + backend + ' did not initialise here' }; }
    await tf.ready();
    var n = spec.points;
    var layers = spec.weights.map(function (w, k) {
      return {
        w: tf.tensor2d(w, [spec.sizes[k + 1], spec.sizes[k]]), // [out, in], as Flowplay and PyTorch store it
        b: tf.tensor1d(spec.biases[k])
      };
    });
    var last = layers.length - 1;
    function mlp(input) {
      var h = input;
      for (var k = 0; k <= last; k++) {
        h = tf.add(tf.matMul(h, layers[k].w, false, true), layers[k].b);
        if (k < last) { h = tf.elu(h); }
      }
      return h;
    }
    // TimeGrid.uniform(0, 1, steps) and FixedGrid: t_k = k/steps (t_N = 1 exactly), h = f32(t_{k+1} - t_k).
    function time(k, steps) { return k === steps ? 1 : k / steps; }
    async function once(steps) {
      var x = tf.tensor2d(spec.noise, [n, 2]);
      for (var k = 0; k < steps; k++) {
        var t = Math.fround(time(k, steps));
        var h = Math.fround(time(k + 1, steps) - time(k, steps));
        var next = tf.tidy(function () {
          var v = mlp(tf.concat([x, tf.fill([n, 1], t)], 1));
          return tf.add(x, tf.mul(v, h));
        });
        x.dispose();
        x = next;
      }
      var out = await x.data();
      x.dispose();
      return out;
    }
    try {
      await once(spec.warmupSteps);
      var seconds = [];
      var samples = null;
      for (var r = 0; r < spec.reps; r++) {
        await new Promise(function (resolve) { setTimeout(resolve, 0); });
        var t0 = performance.now();
        samples = await once(spec.steps);
        seconds.push((performance.now() - t0) / 1000);
      }
      return { seconds: seconds, samples: samples, note: await note(backend) };
    } finally {
      layers.forEach(function (l) { l.w.dispose(); l.b.dispose(); });
    }
  }

  window.flowplayTfjs = {
    run: function (backend, base, spec, done, unavailable, failed) {
      load(base).then(function (installed) {
        if (!installed) {
          unavailable('not installed: run bench/browser/fetch-tfjs');
          return;
        }
        return runBackend(backend, spec).then(function (r) {
          done(r.seconds.join(','), r.samples instanceof Float32Array ? r.samples : new Float32Array(r.samples), r.note);
        });
      }).catch(function (e) {
        if (e && e.unavailable) { unavailable(e.unavailable); return; }
        failed('TF.js ' + backend + ': ' + (e && e.message ? e.message : String(e)));
      });
    }
  };
})();
