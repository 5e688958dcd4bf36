import '@xyflow/react/dist/style.css';
import { Controls, ReactFlow, useReactFlow, useStore, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { useEffect, type ReactNode } from 'react';
import type { RoleFlowNode, RouteFlowEdge } from './diagram-model';
import { RoleNode } from './RoleNode';
import { RouteEdge } from './RouteEdge';

/** Defined once: React Flow warns (and re-mounts every node) when these objects change. */
const nodeTypes: NodeTypes = { role: RoleNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };
const FIT = { padding: 0.06, maxZoom: 1.15 } as const;
/** Below this zoom a box's text is too small to read: with the panel open, focus the selection instead. */
const READABLE_ZOOM = 0.8;

/**
 * The read-only canvas: fixed positions, no dragging or connecting, zoom and pan allowed. The
 * viewport moves only when the pane changes size or the selection changes (the side panel opening
 * or closing), never because data changed, so a container stopping recolours a box without
 * moving anything.
 */
export function ArchitectureDiagram({
  nodes,
  edges,
  selected,
  onSelect,
  children,
}: {
  nodes: RoleFlowNode[];
  edges: RouteFlowEdge[];
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
  children?: ReactNode;
}) {
  return (
    <div className="arch-canvas" data-testid="arch-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={FIT}
        minZoom={0.3}
        maxZoom={1.6}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnDoubleClick={false}
        onNodeClick={(_event, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
      >
        <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT} />
        <KeepInView selected={selected} />
      </ReactFlow>
      {children}
    </div>
  );
}

/**
 * Fits the whole diagram when the pane's size changes (React Flow itself fits only once). With a
 * node selected and the pane too narrow to show everything readably (the side panel takes room),
 * it keeps a readable zoom and centres the selected box instead; the rest is a pan away.
 */
function KeepInView({ selected }: { selected: string | null }) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { fitView, getZoom, getInternalNode, getNodesBounds, getNodes, setCenter } = useReactFlow();
  useEffect(() => {
    if (width === 0 || height === 0) return;
    void fitView(FIT).then(() => {
      const node = selected === null ? undefined : getInternalNode(selected);
      if (node === undefined || getZoom() >= READABLE_ZOOM) return;
      const bounds = getNodesBounds(getNodes());
      // Centre the box, but never scroll past the diagram's ends (no empty half-pane beside the browser).
      const half = width / 2 / READABLE_ZOOM - 16;
      const x = node.internals.positionAbsolute.x + (node.measured.width ?? 0) / 2;
      const clamped = Math.min(Math.max(x, bounds.x + half), bounds.x + bounds.width - half);
      void setCenter(clamped, bounds.y + bounds.height / 2, { zoom: READABLE_ZOOM });
    });
  }, [width, height, selected, fitView, getZoom, getInternalNode, getNodesBounds, getNodes, setCenter]);
  return null;
}
