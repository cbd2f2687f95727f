/**
 * XML codec benchmark: decoding and encoding one job document (a `SubmitJobResponse` whose
 * `JobsDetail` carries config, output and a result with a file list), side by side with the
 * xml2js parser/Builder the team had standardised on and with fast-xml-parser. Medians of
 * interleaved rounds after a warm-up; µs per document, as wall time and as this process's CPU
 * time (user + system), which stays meaningful when other jobs load the machine.
 *   npx tsx bench/xml-codec.ts [--quick] [--runs N]
 */
import { loadavg } from 'node:os';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { Builder, parseString } from 'xml2js';
import { cosCiCodec as codec } from '../protocol/codec.ts';
import { cosCiValidator as validator } from '../protocol/validate.ts';
import { parseXml } from '../protocol/xml-tree.ts';

const quick = process.argv.includes('--quick');
const runsArg = process.argv.indexOf('--runs');
const rounds = Math.max(3, runsArg > 0 ? Number(process.argv[runsArg + 1]) : quick ? 3 : 15);
const iterations = quick ? 500 : 4000;

const entries = ['a.jpg', 'dir/b.png', '文档/c.txt'].map((key, i) =>
  `<Contents><Key>${key}</Key><LastModified>2021-11-21T12:30:42+0000</LastModified><FileSize>${46743 + i}</FileSize></Contents>`).join('');
const xml = '<Response><JobsDetail><Code>Success</Code><Message/><JobId>f93984788066911ed89ed352d4d9d2084</JobId><State>Success</State><Progress>100</Progress>' +
  '<CreationTime>2022-07-18T15:16:43+0800</CreationTime><StartTime>2022-07-18T15:16:44+0800</StartTime><EndTime>2022-07-18T15:16:46+0800</EndTime>' +
  '<QueueId>p2911917386e148639319e13c285cc774</QueueId><Tag>FileUncompress</Tag><Input><BucketId>test-1234567890</BucketId><Object>input/test.zip</Object>' +
  '<Region>ap-chongqing</Region></Input><Operation><FileUncompressConfig><Prefix>output/</Prefix><PrefixReplaced>1</PrefixReplaced><ListingFile>true</ListingFile>' +
  '</FileUncompressConfig><Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket></Output><FileUncompressResult><Region>ap-chongqing</Region>' +
  `<Bucket>test-1234567890</Bucket><FileCount>3</FileCount><FileList>${entries}<IsTruncated>false</IsTruncated></FileList></FileUncompressResult>` +
  '<UserData>This is my data.</UserData></Operation></JobsDetail></Response>';

const typed = codec.decode(xml, 'SubmitJobResponse');
const x2jValue = xml2jsParse(xml);
const fxpParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true });
const fxpValue = fxpParser.parse(xml) as unknown;
const x2jBuilder = new Builder({ headless: true, renderOpts: { pretty: false } });
const fxpBuilder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: true });

function xml2jsParse(text: string): unknown {
  let out: unknown;
  parseString(text, (error, value) => { if (error) throw error; out = value; });
  return out;
}

const variants: { group: string; name: string; run: () => unknown }[] = [
  { group: 'decode', name: 'xml2js parseString (baseline; untyped, every leaf an array)', run: () => xml2jsParse(xml) },
  { group: 'decode', name: 'fast-xml-parser validate + parse (untyped)', run: () => { if (XMLValidator.validate(xml) !== true) throw new Error('invalid'); return fxpParser.parse(xml); } },
  { group: 'decode', name: 'saxes tree only (parseXml)', run: () => parseXml(xml) },
  { group: 'decode', name: 'codec.decode (saxes + compiled schema decoder)', run: () => codec.decode(xml, 'SubmitJobResponse') },
  { group: 'decode', name: 'parseBody (decode + Ajv validation)', run: () => validator.parseBody(xml, 'SubmitJobResponse') },
  { group: 'encode', name: 'xml2js Builder.buildObject (baseline)', run: () => x2jBuilder.buildObject(x2jValue) },
  { group: 'encode', name: 'fast-xml-parser XMLBuilder', run: () => fxpBuilder.build(fxpValue) },
  { group: 'encode', name: 'codec.encode (compiled serializer)', run: () => codec.encode(typed, 'SubmitJobResponse') },
];

function timeOnce(run: () => unknown): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) run();
  const wall = ((performance.now() - started) * 1000) / iterations;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / iterations };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

for (const variant of variants) timeOnce(variant.run); // warm-up: JIT and the codec's compile-once caches
const samples = new Map(variants.map((variant) => [variant.name, [] as { wall: number; cpu: number }[]]));
for (let round = 0; round < rounds; round++) for (const variant of variants) samples.get(variant.name)?.push(timeOnce(variant.run));
const medianOf = (name: string, key: 'wall' | 'cpu'): number => median((samples.get(name) ?? []).map((sample) => sample[key]));

console.log(`xml-codec: ${xml.length} chars, ${rounds} rounds × ${iterations} iterations, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const group of ['decode', 'encode']) {
  const inGroup = variants.filter((variant) => variant.group === group);
  const baseline = medianOf(inGroup[0]!.name, 'cpu');
  for (const variant of inGroup) {
    const wall = medianOf(variant.name, 'wall');
    const cpu = medianOf(variant.name, 'cpu');
    console.log(`${group}  wall ${wall.toFixed(2).padStart(7)} µs  cpu ${cpu.toFixed(2).padStart(7)} µs  ${(baseline / cpu).toFixed(1).padStart(5)}× (cpu) vs baseline  ${variant.name}`);
  }
}
