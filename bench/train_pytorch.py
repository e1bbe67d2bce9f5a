#!/usr/bin/python3
"""The seed training workload in PyTorch, for `flowplay bench train` to compare against.

Conditional flow matching on two moons (scikit-learn's make_moons(noise=0.05) as a distribution, generated in numpy
per step), CondOT path, MLP 3-H-H-H-2 with ELU, MSE loss, Adam lr 1e-2, batch 256, one thread. Run with Debian's
python3-torch and OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 (without them the speed swings 10x):

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/train_pytorch.py --hidden 64

Debian's python3-torch calls the system BLAS (libblas.so.3): with only the reference libblas3 installed its matmuls are
~30x slower, so install libopenblas0-pthread (it becomes the libblas.so.3 alternative) for a fair comparison.

Prints the torch version, threads and BLAS library, one line per timed repetition ("rep <i> <steps/s>") and a last line "median <steps/s>".
"""
import argparse
import statistics
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


def blas_library():
    """The BLAS shared library torch loaded: Debian's reference libblas is ~30x slower than OpenBLAS for these matmuls."""
    try:
        with open("/proc/self/maps") as maps:
            libs = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return ", ".join(sorted(libs)) or "unknown"
    except OSError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per timed repetition")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

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

    run_for(args.warmup)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, blas {blas_library()}", flush=True)
    rates = []
    for i in range(args.reps):
        rate = run_for(args.seconds)
        rates.append(rate)
        print(f"rep {i} {rate:.1f}", flush=True)
    print(f"median {statistics.median(rates):.1f}", flush=True)


if __name__ == "__main__":
    main()
