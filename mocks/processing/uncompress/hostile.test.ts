import { webCodecs } from './codecs.ts';
import { describeHostileArchives } from './hostile-suite.ts';

describeHostileArchives(webCodecs);
