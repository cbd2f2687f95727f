/**
 * Baseline servers of `bench/http.ts`, each run as its own process:
 *   node --import tsx bench/http-servers.ts fixed <port>  → bare node:http, fixed 600-byte XML body (the ceiling)
 *   node --import tsx bench/http-servers.ts parse <port>  → reads the body, parses it with the
 *     mock's XML parser (protocol/xml-tree.ts, saxes), answers the same fixed body
 */
import { createServer } from 'node:http';
import { parseXml } from '../protocol/xml-tree.ts';

/** A describe-like answer padded to exactly 600 bytes. */
export function fixedBody(): Buffer {
  const head = '<Response><JobsDetail><Code>Success</Code><Message/><JobId>f93984788066911ed89ed352d4d9d2084</JobId><State>Success</State><Progress>100</Progress><CreationTime>2022-07-18T15:16:43+0800</CreationTime><StartTime>2022-07-18T15:16:44+0800</StartTime><EndTime>2022-07-18T15:16:50+0800</EndTime><QueueId>p2911917386e148639319e13c285cc774</QueueId><Tag>FileHashCode</Tag><Input><BucketId>test-1250000000</BucketId><Object>a.txt</Object><Region>ap-guangzhou</Region></Input><Operation><UserData>';
  const tail = '</UserData></Operation></JobsDetail></Response>';
  return Buffer.from(head + 'x'.repeat(600 - head.length - tail.length) + tail);
}

const [mode, portText] = process.argv.slice(2);
if (mode === 'fixed' || mode === 'parse') {
  const body = fixedBody();
  const headers = { 'content-type': 'application/xml', 'content-length': String(body.length), server: 'bare' };
  const server = createServer((req, res) => {
    if (mode === 'fixed') {
      req.resume();
      res.writeHead(200, headers).end(body);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        parseXml(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(400, headers).end(body);
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(portText), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${portText}`));
}
