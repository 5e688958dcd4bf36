import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RouteFlowEdge } from './diagram-model';
import { arrowHead, roundedPath } from './edge-path';

/**
 * An edge drawn along its precomputed route (shared/plane/topology/diagram-geometry), not
 * between handle positions: the layout, not React Flow, decides where lines run so that none
 * crosses a box. Colour comes from the edge's tone class (CSS), with an arrowhead at the target.
 */
export const RouteEdge = memo(function RouteEdge({ id, data }: EdgeProps<RouteFlowEdge>) {
  if (data === undefined || data.points.length < 2) return null;
  return (
    <>
      <BaseEdge id={id} path={roundedPath(data.points)} className="arch-edge-line" interactionWidth={0} />
      <path d={arrowHead(data.points)} className="arch-edge-arrow" />
    </>
  );
});
