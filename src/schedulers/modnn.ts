// modnn (Mao et al., DATE 2017, as modelled in halp-bps.md §1.8): every conv layer is scattered from
// and gathered at the host, each node getting rows in proportion to its speed (BODP, a 1-D
// partition) with the halo its rows need; the FC head runs on the host. MSCC, MoDNN's partition of
// sparse FC layers, is not built: the head is not split.
import { spatialScheduler } from "./spatial.js";

export const modnn = spatialScheduler("modnn", "layer-by-layer scatter/gather, rows in proportion to device speed (MoDNN BODP, DATE 2017; MSCC not built)");
