// Where the network overlay's cards and pods sit, shared by the edges and the packets. No upstream counterpart.
import type { Box } from '../layout';
import type { NetworkLayout } from './networkLayout';
import type { AnchorOf } from './podAnchors';

/** NetworkGeometry is where everything the overlay connects sits, in flow coordinates. */
export interface NetworkGeometry {
  layout: NetworkLayout;
  anchorOf: AnchorOf;
  nodeBoxes: ReadonlyMap<string, Box>;
}
