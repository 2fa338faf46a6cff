#!/usr/bin/env python3
# The SimPy reference of bench section 6 (issue 15, item 5): the device -> link -> cloud pipeline of
# bench/reference/pipeline-exp.yaml written the way a SimPy user would write it: one process per
# request, simpy.Resource for each FIFO server, env.timeout for every delay.
#   python3 bench/reference/simpy_pipeline.py [requests=1000000] [seed=1]
# Prints one JSON line: requests, mean latency (arrival to the end of the cloud step, ms), the seconds
# spent in env.run (the rest of the process's wall time is Python's and SimPy's start-up), SimPy's version.
# It mirrors splitsim's link (src/platform/link.ts): a transfer holds the link for bytes*8/bandwidth,
# then the link serves the next one while this one spends `latency` in flight. Fixed seeds: the same
# argv gives the same output.
import json
import random
import sys
import time

import simpy

ARRIVAL_RATE = 50.0  # requests/s, Poisson
DEVICE_MEAN_S = 0.010  # Exp service of layer 1 on the device
CLOUD_MEAN_S = 0.010  # Exp service of layer 2 in the cloud
WIRE_BYTES = 12_484 + 16  # the boundary tensor plus splitsim's default wire.headerBytes
BANDWIDTH_BPS = 10e6  # 10 Mbit/s
TRANSMIT_S = WIRE_BYTES * 8 / BANDWIDTH_BPS  # 10 ms on the link
LATENCY_S = 0.005  # propagation after the transmission; does not hold the link


class Stats:
    def __init__(self):
        self.done = 0
        self.latency_sum = 0.0


def request(env, device, link, cloud, device_rng, cloud_rng, stats):
    arrival = env.now
    with device.request() as turn:
        yield turn
        yield env.timeout(device_rng.expovariate(1.0 / DEVICE_MEAN_S))
    with link.request() as turn:
        yield turn
        yield env.timeout(TRANSMIT_S)
    # Released before the flight, as splitsim's link: the next transfer starts now.
    yield env.timeout(LATENCY_S)
    with cloud.request() as turn:
        yield turn
        yield env.timeout(cloud_rng.expovariate(1.0 / CLOUD_MEAN_S))
    stats.done += 1
    stats.latency_sum += env.now - arrival


def source(env, n, device, link, cloud, seed, stats):
    # One stream per purpose, as splitsim draws arrivals and each node's noise from its own streams.
    arrivals = random.Random(seed)
    device_rng = random.Random(seed + 1)
    cloud_rng = random.Random(seed + 2)
    for _ in range(n):
        yield env.timeout(arrivals.expovariate(ARRIVAL_RATE))
        env.process(request(env, device, link, cloud, device_rng, cloud_rng, stats))


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    env = simpy.Environment()
    device = simpy.Resource(env, capacity=1)
    link = simpy.Resource(env, capacity=1)
    cloud = simpy.Resource(env, capacity=1)
    stats = Stats()
    env.process(source(env, n, device, link, cloud, seed, stats))
    t0 = time.perf_counter()
    env.run()  # until no event is left: every request has finished
    sim_seconds = time.perf_counter() - t0
    print(json.dumps({
        "requests": stats.done,
        "meanLatencyMs": stats.latency_sum / stats.done * 1e3,
        "simSeconds": sim_seconds,
        "simpy": simpy.__version__,
    }))


if __name__ == "__main__":
    main()
