import type {Route} from '../app.js';
import {metaRoutes} from './meta.js';
import {nodeRoutes} from './nodes.js';
import {projectRoutes} from './projects.js';
import {registerRoutes} from './register.js';
import {rotationRoutes} from './rotation.js';
import {tokenRoutes} from './tokens.js';

/** Every operation of the contract subset. */
export const routes: Route[] = [...metaRoutes, ...projectRoutes, ...nodeRoutes, ...tokenRoutes, ...registerRoutes, ...rotationRoutes];
