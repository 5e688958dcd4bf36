import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../components/Icon';
import { statusTones, statusWords, type RoleFlowNode } from './diagram-model';

/**
 * One box of the diagram: role, compose service(s), replicas running, and state/health in words,
 * coloured by status. The whole box is a button so the keyboard reaches it; its click (mouse, or
 * Enter/Space) bubbles to React Flow's node click, which opens the side panel. Handles exist only
 * because React Flow anchors edges on them; edges draw their own routes.
 */
export const RoleNode = memo(function RoleNode({ data }: NodeProps<RoleFlowNode>) {
  const { node, state, selected } = data;
  const tone = statusTones[state.status];
  const client = node.kind === 'client';
  // A one-shot job that completed has nothing running by design: "0/1" would read as a failure.
  const replicas = state.total === 0 || (node.oneShot && state.status === 'ok') ? '' : `${state.running}/${state.total}`;
  const label = `${node.label}: ${statusWords[state.status]}, ${state.detail}${state.total > 0 ? `, ${state.running} of ${state.total} running` : ''}`;
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="arch-handle" />
      <button
        type="button"
        className={`arch-node arch-node-${state.status}${client ? ' arch-node-client' : ''}${selected ? ' arch-node-selected' : ''}`}
        data-testid="arch-node"
        data-node={node.id}
        data-status={state.status}
        aria-label={label}
        aria-pressed={selected}
        title={node.description}
      >
        {client ? (
          <>
            <span className="arch-node-head">
              <Icon name="monitor" size={14} />
              <span className="arch-node-label">{node.label}</span>
            </span>
            <span className="arch-node-services">{state.detail}</span>
          </>
        ) : (
          <>
            <span className="arch-node-head">
              <span className={`dot dot-${tone}`} />
              <span className="arch-node-label">{node.label}</span>
              <span
                className="arch-node-replicas"
                title={replicas === '' ? undefined : `${state.running} of ${state.total} containers running`}
              >
                {replicas}
              </span>
            </span>
            <span className="arch-node-services mono">
              {node.services.join(', ') || (node.external ? 'not in this project' : 'no service')}
            </span>
            <span className={`arch-node-state arch-state-${tone}`} data-testid="arch-node-state">
              {state.detail}
            </span>
          </>
        )}
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} className="arch-handle" />
    </>
  );
});
