// rfs (receptive-field segmentation, the DPFP paper's scheme as HALP §1.6.1 describes it): output rows
// split into contiguous segments — host on top, then the secondaries — each node receiving and
// computing its segment's whole receptive field, so the rows two secondaries share are sent to both
// and computed twice; the same block programme and ratio search as halp, to isolate HALP's gain.
import { spatialScheduler } from "./spatial.js";

export const rfs = spatialScheduler("rfs", "receptive-field segmentation: every node computes its rows' whole receptive field (RFS/DPFP, ICC 2022, reconstructed)");
