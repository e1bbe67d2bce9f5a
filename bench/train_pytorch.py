#!/usr/bin/python3
"""The seed training workload in PyTorch, for `flowplay bench train` (speed) and `flowplay bench quality` to compare against.

Conditional flow matching on two moons (scikit-learn's make_moons(noise=0.05) as a distribution, generated in numpy
per step), CondOT path, MLP 3-H-H-H-2 with ELU, MSE loss, Adam lr 1e-2, batch 256, one thread. Run with Debian's
python3-torch and OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 (without them the speed swings 10x):

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_pytorch.py --hidden 64

With --steps N --out FILE it instead trains exactly N steps and writes the network as a Flowplay checkpoint
(docs/checkpoint-format.md), which `flowplay sample` and `eval` then measure like a Flowplay-trained one:

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_pytorch.py --steps 5000 --seed 0 --out torch.safetensors

Debian's python3-torch calls the system BLAS (libblas.so.3): with only the reference libblas3 installed its matmuls are
~30x slower, so install libopenblas0-pthread (it becomes the libblas.so.3 alternative) for a fair comparison.

Speed mode prints the torch version, threads and BLAS library, one line per timed repetition ("rep <i> <steps/s>") and a
last line "median <steps/s>". Checkpoint mode prints the same first line, then "wrote <file> <steps> steps, final loss <l>".
"""
import argparse
import json
import statistics
import struct
import time

import numpy as np
import torch


def moons(rng, n, noise=0.05):
    angle = np.pi * rng.random(n)
    outer = rng.random(n) < 0.5
    x = np.where(outer, np.cos(angle), 1.0 - np.cos(angle))
    y = np.where(outer, np.sin(angle), 0.5 - np.sin(angle))
    pts = np.stack([x, y], axis=1) + noise * rng.standard_normal((n, 2))
    return pts.astype(np.float32)


def save_checkpoint(model, path, hidden, settings, step):
    """Writes the Linear layers as a safetensors file with Flowplay's tensor names and metadata, by hand (struct + json),
    because the safetensors package is not in Debian's repositories. Layout: u64 header length, JSON header padded with
    spaces to a multiple of 8, then the F32 little-endian tensors in header order."""
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    tensors = []
    for k, layer in enumerate(linears):
        tensors.append((f"net.{k}.weight", layer.weight))
        tensors.append((f"net.{k}.bias", layer.bias))
    header = {"__metadata__": {
        "flowplay.version": "1",
        "flowplay.model": json.dumps({"dim": 2, "hidden": [hidden] * (len(linears) - 1), "activation": "elu", "time": "linear"}),
        "flowplay.path": json.dumps({"scheduler": "condot"}),
        "flowplay.prediction": "velocity",
        "flowplay.training": json.dumps(settings),
        "flowplay.step": str(step),
    }}
    blobs = []
    offset = 0
    for name, tensor in tensors:
        data = tensor.detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for data in blobs:
            out.write(data)


def blas_library():
    """The BLAS shared library torch loaded: Debian's reference libblas is ~30x slower than OpenBLAS for these matmuls."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return ", ".join(sorted(libs)) or "unknown"
    except OSError:
        return "unknown"


def print_info():
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, blas {blas_library()}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per timed repetition")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=0, help="train exactly this many steps and write --out (checkpoint mode)")
    parser.add_argument("--out", help="checkpoint file for --steps")
    args = parser.parse_args()
    if bool(args.steps) != bool(args.out):
        parser.error("--steps and --out go together")

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    h = args.hidden
    model = torch.nn.Sequential(
        torch.nn.Linear(3, h), torch.nn.ELU(),
        torch.nn.Linear(h, h), torch.nn.ELU(),
        torch.nn.Linear(h, h), torch.nn.ELU(),
        torch.nn.Linear(h, 2))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.MSELoss()
    n = args.batch

    def step():
        x1 = torch.from_numpy(moons(rng, n))
        x0 = torch.from_numpy(rng.standard_normal((n, 2), dtype=np.float32))
        t = torch.from_numpy(rng.random((n, 1), dtype=np.float32))
        xt = (1 - t) * x0 + t * x1
        target = x1 - x0
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(torch.cat([xt, t], dim=1)), target)
        loss.backward()
        opt.step()
        return loss

    def run_for(seconds):
        steps = 0
        start = time.perf_counter()
        while True:
            step()
            steps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return steps / elapsed

    if args.steps:
        print_info()
        loss = None
        for _ in range(args.steps):
            loss = step()
        settings = {"dataset": "moons", "steps": str(args.steps), "batch": str(n), "lr": str(args.lr), "seed": str(args.seed),
                    "width": str(h), "depth": "3", "activation": "elu", "trainer": f"pytorch {torch.__version__}"}
        save_checkpoint(model, args.out, h, settings, args.steps)
        print(f"wrote {args.out} {args.steps} steps, final loss {loss.item():.4f}", flush=True)
        return

    run_for(args.warmup)
    print_info()
    rates = []
    for i in range(args.reps):
        rate = run_for(args.seconds)
        rates.append(rate)
        print(f"rep {i} {rate:.1f}", flush=True)
    print(f"median {statistics.median(rates):.1f}", flush=True)


if __name__ == "__main__":
    main()
