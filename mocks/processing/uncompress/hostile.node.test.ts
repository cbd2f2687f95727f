import { nodeCodecs } from './codecs.node.ts';
import { describeHostileArchives } from './hostile-suite.ts';

describeHostileArchives(nodeCodecs);
