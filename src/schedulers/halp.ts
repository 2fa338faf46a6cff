// halp (Li, Iosifidis, Zhang, ICC 2022; reconstructed in halp-bps.md §1.6.2, reading A): the host
// keeps the middle rows between its secondaries, so the overlap zone of every pair of neighbouring
// sub-tasks is computed on the host, and it computes while its slabs are in flight; blocks by DPFP's
// dynamic programme, rows per node by brute-force search of the predicted block time.
import { spatialScheduler } from "./spatial.js";

export const halp = spatialScheduler("halp", "spatial CNN partitioning across edge servers, the host computing the overlap zones (HALP, ICC 2022, reconstructed)");
