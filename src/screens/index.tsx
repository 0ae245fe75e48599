import type {Route} from '../hooks/navigation.js';
import {FleetRotationScreen} from './FleetRotationScreen.js';
import {JournalScreen} from './JournalScreen.js';
import {NodesScreen} from './NodesScreen.js';
import {ProjectsScreen} from './ProjectsScreen.js';
import {RotationPreviewScreen} from './RotationPreviewScreen.js';
import {RotationResultScreen} from './RotationResultScreen.js';
import {RotationsScreen} from './RotationsScreen.js';
import {TokenDetailScreen} from './TokenDetailScreen.js';
import {TokensScreen} from './TokensScreen.js';
import {WhoamiScreen} from './WhoamiScreen.js';

/** The screen for a route. Each screen is a container (hooks + keys) over a pure view. */
export function ScreenFor({route}: {readonly route: Route}) {
  switch (route.name) {
    case 'projects':
      return <ProjectsScreen />;
    case 'tokens':
      return <TokensScreen project={route.project} select={route.select} />;
    case 'tokenDetail':
      return <TokenDetailScreen projectId={route.projectId} tokenId={route.tokenId} />;
    case 'nodes':
      return <NodesScreen />;
    case 'rotationPreview':
      return <RotationPreviewScreen node={route.node} />;
    case 'rotationResult':
      return <RotationResultScreen nodeId={route.nodeId} nodeLabel={route.nodeLabel} estimateSeconds={route.estimateSeconds} />;
    case 'fleetRotation':
      return <FleetRotationScreen nodes={route.nodes} labels={route.labels} />;
    case 'journal':
      return <JournalScreen />;
    case 'rotations':
      return <RotationsScreen />;
    case 'whoami':
      return <WhoamiScreen />;
  }
}
